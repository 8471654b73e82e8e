import Glibc

/// `CLOCK_MONOTONIC`: for durations and deadlines across processes (the scoreboard), and for systemd's
/// `MONOTONIC_USEC`.
public enum MonotonicClock {
    public static func microseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int64(now.tv_sec) * 1_000_000 + Int64(now.tv_nsec) / 1000
    }
}
