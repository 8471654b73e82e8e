import Testing

@testable import GacetaConfig

/// `[pool]`'s PHP-FPM names: `pm`, `pm.*`, the older names kept as aliases, and the dynamic bounds.
@Suite struct ProcessManagerConfigTests {
    @Test func phpFpmNamesFromTheFileAndTheEnvironment() throws {
        let configuration = try load(
            """
            [pool]
            pm = dynamic
            pm.max_children = 12
            pm.start_servers = 3
            pm.min_spare_servers = 2
            pm.max_spare_servers = 5
            pm.process_idle_timeout = 30s
            pm.max_spawn_rate = 8
            pm.max_requests = 500
            max_worker_memory = 256m
            """, environment: ["GACETACHAT_POOL_PM_MAX_SPAWN_RATE": "4"])
        let pool = configuration.settings.pool
        #expect(pool.processManager == .dynamic)
        #expect(pool.workers == 12)
        #expect(pool.startServers == 3 && pool.minSpareServers == 2 && pool.maxSpareServers == 5)
        #expect(pool.processIdleTimeout == .seconds(30))
        #expect(pool.maxSpawnRate == 4)
        #expect(pool.maxRequests == 500)
        #expect(pool.maxWorkerMemory == 256 << 20)
        #expect(
            configuration.value(for: "pool.pm.max_spawn_rate")?.source
                == .environment("GACETACHAT_POOL_PM_MAX_SPAWN_RATE"))
        #expect(configuration.value(for: "pool.pm.max_children")?.source.line == 3)
    }

    @Test func theOlderNamesStillSetTheSameValuesAndShowUnderThePhpFpmName() throws {
        let file = try load("[pool]\nworkers = 7\nmax_requests = 90\n")
        #expect(file.settings.pool.workers == 7)
        #expect(file.settings.pool.maxRequests == 90)
        #expect(file.value(for: "pool.pm.max_children")?.display == "7")
        #expect(file.value(for: "pool.pm.max_children")?.source.line == 2)
        #expect(!file.values.contains { $0.key == "pool.workers" }, "reports show one name")
        let environment = try load("[pool]\npm.max_children = 4\n", environment: ["GACETACHAT_POOL_WORKERS": "6"])
        #expect(environment.settings.pool.workers == 6, "the environment layer wins, whichever name it uses")
        let flag = try load(
            "[pool]\nworkers = 4\n",
            overrides: [CommandLineOverride(key: "pool.workers", value: "2", flag: "--workers")])
        #expect(flag.settings.pool.workers == 2)
    }

    @Test func anUnknownProcessManagerNamesTheChoices() throws {
        let error = try loadError("[pool]\npm = elastic\n")
        #expect(error.location?.line == 2)
        #expect(error.message.contains("static, dynamic, ondemand"))
    }

    @Test func dynamicBoundsThatContradictEachOtherAreRefusedWithTheKeyAndLine() throws {
        let errors = try loadErrors(
            """
            [pool]
            pm = dynamic
            pm.max_children = 4
            pm.min_spare_servers = 3
            pm.max_spare_servers = 6
            pm.start_servers = 1
            """)
        #expect(errors.count == 2)
        #expect(
            errors.contains {
                $0.message.contains("pool.pm.max_spare_servers (6) is above pool.pm.max_children (4)")
                    && $0.location?.line == 5
            })
        #expect(
            errors.contains {
                $0.message.contains("pool.pm.start_servers (1) is not between") && $0.location?.line == 6
            })
        let inverted = try loadError(
            "[pool]\npm = dynamic\npm.min_spare_servers = 3\npm.max_spare_servers = 2\npm.start_servers = 3\n")
        #expect(inverted.message.contains("pool.pm.min_spare_servers (3) is above pool.pm.max_spare_servers (2)"))
    }

    @Test func theSameBoundsAreFineWithStaticAndOndemand() throws {
        for mode in ["static", "ondemand"] {
            let configuration = try load("[pool]\npm = \(mode)\npm.min_spare_servers = 5\npm.max_spare_servers = 2\n")
            #expect(configuration.settings.pool.processManager.rawValue == mode)
        }
    }
}
