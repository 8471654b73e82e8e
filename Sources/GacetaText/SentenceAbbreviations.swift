/// Folded abbreviations (without their final dot) after which a '.' does not end a sentence.
enum SentenceAbbreviations {
    /// Abbreviations of "número": only abbreviations when a digit follows ("No. 525" but "… o no. Luego").
    static let beforeNumbers: Set<String> = ["n", "no", "nro", "num", "nos", "nros"]

    /// More bytes than any abbreviation can take before folding (8 per folded byte: an accented letter and
    /// combining marks): a longer word is not one, so the splitter never looks further back.
    static let longestWordBytes = 8 * (all.union(beforeNumbers).map(\.utf8.count).max() ?? 0)

    /// Abbreviations that never end a sentence.
    static let all: Set<String> = [
        // Titles and forms of address.
        "sr", "sra", "srta", "sres", "sras", "dr", "dra", "dres", "lic", "licda", "licdo", "licdos", "ing", "inga",
        "arq", "prof", "profa", "msc", "mba", "ph.d", "phd", "pbro", "mons", "gral", "cnel", "tte", "sto", "sta",
        "don", "dona", "ud", "uds", "excmo", "excma", "ilmo", "ilma",
        // Legal references.
        "art", "arts", "inc", "incs", "lit", "ap", "par", "cap", "caps", "tit", "sec", "exp", "expte", "ref",
        "res", "dec", "dto", "cfr", "cf", "op", "cit", "ibid", "id", "vid", "ss", "sigs",
        // Pages and publications.
        "pag", "pags", "p", "pp", "vol", "vols", "ed", "fol", "fols", "ej", "p.ej", "etc", "aprox", "obs",
        // Companies and institutions.
        "s.a", "sa", "s.r.l", "srl", "ltda", "cia", "hnos", "corp", "asoc", "depto", "dpto", "dept",
        // Places and contact details.
        "av", "avda", "apdo", "tel", "fax", "km", "mts", "c.r",
        // Dates.
        "ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "set", "sept", "oct", "nov", "dic",
    ]
}
