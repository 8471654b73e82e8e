# bench/lib/synthetic-corpus.awk — a synthetic Spanish legal corpus for a machine without the real one:
# COUNT Markdown files with front matter in DIR, words from a legal vocabulary with a Zipf-like skew (a few
# words everywhere, most rare), plus named bodies and fixed phrases so that the queries find something.
#   awk -v dir=DIR -v count=COUNT -f bench/lib/synthetic-corpus.awk
BEGIN {
    srand(20240715)
    v = "de la el que en y a los del se las por un para con no una su al lo como más o pero sus le ya " \
        "artículo ley decreto presente disposición norma resolución reglamento supremo ministerio " \
        "nacional público pública régimen entidad entidades estado gobierno municipalidad regional " \
        "derecho derechos obligación obligaciones plazo días hábiles contrato contratos contratación " \
        "contratista contratante contratar trabajador trabajadores remuneración salario mínimo pensión " \
        "jubilación sistema seguro social salud educación tributario tributaria tributo impuesto renta " \
        "ventas aduanas importación exportación multa sanción sanciones infracción procedimiento " \
        "administrativo general judicial fiscal penal civil comercial código constitución política " \
        "congreso república presidente consejo ministros oficial diario vigencia vigente derogada " \
        "modificación modifícase apruébase dispónese autorízase deróganse transitoria complementaria " \
        "final única primera segunda tercera inciso numeral literal capítulo título sección anexo " \
        "licitación licitaciones concurso adjudicación bienes servicios obras proveedor proveedores " \
        "presupuesto crédito suplementario transferencia partidas recursos ordinarios financiamiento " \
        "emergencia sanitaria nacional declaratoria prórroga ambiental ambiente minería minera " \
        "concesión hidrocarburos energía eléctrica agua potable saneamiento transporte terrestre " \
        "tránsito vehículos carreteras pesca artesanal pesquero agrario agricultura riego forestal " \
        "fauna silvestre pueblos indígenas consulta previa comunidades campesinas nativas universidad " \
        "universidades docente docentes alumnos colegio profesional notarios registros públicos " \
        "propiedad intelectual patentes autor arbitraje conciliación tribunal constitucional fuerzas " \
        "armadas policía defensa seguridad ciudadana violencia mujer familia niño niña adolescente " \
        "feriado laborable elecciones municipales regionales jurado electoral servidor servidores civil " \
        "servicio carrera meritocrática inversión privada asociaciones promoción competitividad " \
        "formalización informal pequeña empresa micro empresas cooperativas donaciones beneficio"
    n = split(v, word, " ")
    # Zipf: the word of rank r weighs 1 / r^1.07.
    total = 0
    for (r = 1; r <= n; r++) { total += 1 / (r ^ 1.07); cum[r] = total }
    np = split("impuesto a la renta|Ministerio de Salud|Ministerio de Economía y Finanzas|" \
        "Superintendencia Nacional de Aduanas y de Administración Tributaria (SUNAT)|gobierno regional|" \
        "Código Civil|Poder Judicial|Congreso de la República|Policía Nacional del Perú|Seguro Social " \
        "de Salud (EsSalud)|Caja Costarricense de Seguro Social (CCSS)|remuneración mínima vital|" \
        "estado de emergencia|Decreto Supremo N° 004-2019-JUS|Ley N° 27444, Ley del Procedimiento " \
        "Administrativo General|Ley Orgánica de Municipalidades|Autoridad Nacional del Servicio Civil " \
        "(SERVIR)|Superintendencia Nacional de Educación Superior Universitaria (SUNEDU)|" \
        "impuesto general a las ventas (IGV)|COVID-19|Resolución Ministerial N° 0468-2018-JUS|" \
        "Organismo Supervisor de las Contrataciones del Estado|Tribunal Constitucional", phrase, "|")
    nr = split("ley decreto-supremo resolucion-ministerial decreto-legislativo resolucion-jefatural " \
        "decreto-de-urgencia resolucion-administrativa", rank, " ")
    for (i = 1; i <= count; i++) {
        file = sprintf("%s/norma-%05d.md", dir, i)
        r = rank[1 + int(rand() * nr)]
        title = pick() " " pick() " " pick() " " phrase[1 + int(rand() * np)] " " pick() " " pick()
        title = toupper(substr(title, 1, 1)) substr(title, 2)
        printf "---\ntitle: >-\n  %s\nidentifier: SYN-%05d\ncountry: pe\nrank: %s\n", title, i, r > file
        printf "publication_date: '%04d-%02d-%02d'\nstatus: in_force\nofficial_journal: El Peruano\n---\n", \
            1990 + int(rand() * 35), 1 + int(rand() * 12), 1 + int(rand() * 28) > file
        printf "# %s\n\n", title > file
        # Most norms are short, a few are long (skewed sizes, like the real corpus).
        paragraphs = 2 + int(60 * rand() ^ 3)
        for (p = 1; p <= paragraphs; p++) {
            printf "Artículo %d.- ", p > file
            words = 30 + int(rand() * 110)
            line = ""
            for (w = 1; w <= words; w++) {
                line = line (w > 1 ? " " : "") (rand() < 0.012 ? phrase[1 + int(rand() * np)] : pick())
                if (rand() < 0.06) line = line ","
            }
            printf "%s.\n\n", line > file
        }
        close(file)
    }
}
function pick(   x, lo, hi, mid) {
    x = rand() * total; lo = 1; hi = n
    while (lo < hi) { mid = int((lo + hi) / 2); if (cum[mid] < x) lo = mid + 1; else hi = mid }
    return word[lo]
}
