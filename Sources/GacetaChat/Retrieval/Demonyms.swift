/// The words for the people of a place («cartaginés», «liberiana», «guatemalteco») and the place La Gaceta names
/// («Cartago», «Liberia», «Guatemala»): a reader asks about «las ciclovías cartaginesas», the notice is headed
/// MUNICIPALIDAD DE CARTAGO. Costa Rica's provinces and the cantons whose demonym is in common use, and the countries
/// whose laws and gazettes a reader may search. Listed by the folded masculine singular form; a question's word
/// matches by its stem, any of the four forms («cartaginés», «cartaginesas») finding Cartago.
enum Demonyms {
    /// Demonym (folded, masculine singular) → the place.
    static let names: [String: String] = [
        // Provinces.
        "josefino": "San José", "alajuelense": "Alajuela", "cartagines": "Cartago", "herediano": "Heredia",
        "guanacasteco": "Guanacaste", "puntarenense": "Puntarenas", "limonense": "Limón",
        // Cantons.
        "escazuceno": "Escazú", "desamparadeno": "Desamparados", "puriscaleno": "Puriscal", "tarrazuceno": "Tarrazú",
        "aserriceno": "Aserrí", "moraviano": "Moravia", "tibaseno": "Tibás", "curridabatense": "Curridabat",
        "sancarleno": "San Carlos", "sarchiseno": "Sarchí", "sarcheno": "Sarchí",
        "naranjeno": "Naranjo", "palmareno": "Palmares", "atenieno": "Atenas", "upaleno": "Upala",
        "turrialbeno": "Turrialba", "paraiseno": "Paraíso", "barbareno": "Barva", "liberiano": "Liberia",
        "nicoyano": "Nicoya", "santacruceno": "Santa Cruz", "canero": "Cañas", "tilarano": "Tilarán",
        "nandayureno": "Nandayure", "esparzano": "Esparza", "quepeno": "Quepos", "golfiteno": "Golfito",
        "cotobruseno": "Coto Brus", "pococeno": "Pococí", "siquirreno": "Siquirres", "talamanqueno": "Talamanca",
        "generaleno": "Pérez Zeledón", "sarapiqueno": "Sarapiquí", "oreamunense": "Oreamuno",
        // Countries.
        "costarricense": "Costa Rica", "nicaraguense": "Nicaragua", "panameno": "Panamá",
        "guatemalteco": "Guatemala", "salvadoreno": "El Salvador", "hondureno": "Honduras", "mexicano": "México",
        "colombiano": "Colombia", "peruano": "Perú", "venezolano": "Venezuela", "ecuatoriano": "Ecuador",
        "chileno": "Chile", "argentino": "Argentina", "boliviano": "Bolivia", "uruguayo": "Uruguay",
        "paraguayo": "Paraguay", "brasileno": "Brasil", "cubano": "Cuba", "dominicano": "República Dominicana",
        "espanol": "España", "estadounidense": "Estados Unidos",
    ]

    /// Each form's stem → the place's words (as a question's content words, not names), analysed once.
    static let places: [String: [TermAnalyzer.Word]] = {
        let analyzer = TermAnalyzer()
        var places: [String: [TermAnalyzer.Word]] = [:]
        for (demonym, place) in names {
            let words = analyzer.contentWords(ofQuestion: place).map { word in
                var word = word
                word.isName = false
                return word
            }
            for form in forms(demonym) {
                places[analyzer.stem(folded: form)] = words
            }
        }
        return places
    }()

    /// A demonym's four forms (two for one ending in «-e»): stemming does not bring them to one stem
    /// («cartaginesas» → «cartagines», «cartaginés» → «cartagin»).
    static func forms(_ masculine: String) -> [String] {
        if masculine.hasSuffix("o") {
            let root = masculine.dropLast()
            return [masculine, root + "a", root + "os", root + "as"]
        }
        if masculine.hasSuffix("e") { return [masculine, masculine + "s"] }
        return [masculine, masculine + "a", masculine + "es", masculine + "as"]
    }
}
