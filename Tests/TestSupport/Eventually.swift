import Glibc

/// Whether `condition` holds now or becomes true within `seconds`, checked every 10 ms: for
/// tests that wait on another thread or process instead of sleeping a guessed time.
public func eventually(within seconds: Double = 5, _ condition: () -> Bool) -> Bool {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    let deadline = Double(now.tv_sec) + Double(now.tv_nsec) / 1e9 + seconds
    while true {
        if condition() { return true }
        clock_gettime(CLOCK_MONOTONIC, &now)
        if Double(now.tv_sec) + Double(now.tv_nsec) / 1e9 >= deadline { return condition() }
        usleep(10_000)
    }
}
