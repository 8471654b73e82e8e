import Foundation
import GacetaCore
import GacetaQuery
import GacetaStore
import TestSupport
import Testing

/// Conformance, run against every `StoreKind`: `StoreMaintenance`: the schema and what the database holds.
@Suite struct StoreMaintenanceConformanceTests {
    @Test(arguments: StoreKind.testable) func migrateIsIdempotentAndReportsTheVersion(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind)
        #expect(try harness.store.migrate().isEmpty)
        let version = try harness.store.schemaVersion()
        #expect(version.current == version.required)
        #expect(version.current >= 1)
    }
}
