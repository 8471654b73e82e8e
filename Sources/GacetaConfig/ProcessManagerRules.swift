/// The `pm = dynamic` bounds that only make sense together, checked in every profile as PHP-FPM checks them.
enum ProcessManagerRules {
    static func violations(of settings: Settings, source: (String) -> ValueSource) -> [ConfigurationError] {
        let pool = settings.pool
        guard pool.processManager == .dynamic else { return [] }
        var errors: [ConfigurationError] = []
        if pool.minSpareServers > pool.maxSpareServers {
            errors.append(
                ConfigurationError(
                    "pool.pm.min_spare_servers (\(pool.minSpareServers)) is above pool.pm.max_spare_servers "
                        + "(\(pool.maxSpareServers))", at: source("pool.pm.min_spare_servers"),
                    hint: "with pm = dynamic, keep min_spare_servers ≤ max_spare_servers ≤ max_children"))
        }
        if pool.maxSpareServers > pool.workers {
            errors.append(
                ConfigurationError(
                    "pool.pm.max_spare_servers (\(pool.maxSpareServers)) is above pool.pm.max_children "
                        + "(\(pool.workers))", at: source("pool.pm.max_spare_servers"),
                    hint: "with pm = dynamic, keep min_spare_servers ≤ max_spare_servers ≤ max_children"))
        }
        if !(pool.minSpareServers...max(pool.minSpareServers, pool.maxSpareServers)).contains(pool.startServers) {
            errors.append(
                ConfigurationError(
                    "pool.pm.start_servers (\(pool.startServers)) is not between pool.pm.min_spare_servers "
                        + "(\(pool.minSpareServers)) and pool.pm.max_spare_servers (\(pool.maxSpareServers))",
                    at: source("pool.pm.start_servers"),
                    hint: "PHP-FPM's default is min_spare_servers + (max_spare_servers - min_spare_servers) / 2"))
        }
        return errors
    }
}
