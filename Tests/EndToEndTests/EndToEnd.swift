import Testing

/// Every end-to-end suite, one test at a time: each starts its own nginx and pool, and the
/// machine they share has two cores.
@Suite(.serialized) enum EndToEnd {}
