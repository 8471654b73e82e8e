import GacetaStoreSQL

/// Daily summaries and the calendar (`SummaryStoreSQL` holds their methods).
extension PostgresStore: SummaryStoreSQL {}
