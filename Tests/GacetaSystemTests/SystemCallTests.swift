import GacetaSystem
import Glibc
import Testing

/// Set by the SIGUSR2 handler below (a signal handler can only touch globals).
nonisolated(unsafe) private var signalsReceived: Int32 = 0

/// Unblocks SIGUSR2 on this thread (test runners' threads block asynchronous signals) and installs a handler
/// without SA_RESTART, so the kernel ends a blocked call with EINTR; the returned closure undoes both.
private func interruptingSignal() -> () -> Void {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { _ in signalsReceived += 1 }
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    var previous = sigaction()
    sigaction(SIGUSR2, &action, &previous)
    var unblock = sigset_t()
    sigemptyset(&unblock)
    sigaddset(&unblock, SIGUSR2)
    var previousMask = sigset_t()
    pthread_sigmask(SIG_UNBLOCK, &unblock, &previousMask)
    signalsReceived = 0
    return {
        var mask = previousMask
        pthread_sigmask(SIG_SETMASK, &mask, nil)
        var restored = previous
        sigaction(SIGUSR2, &restored, nil)
    }
}

/// After `delay` µs sends SIGUSR2 to `target`, then after `delay` more writes one byte (42) to `fd`, so a read
/// that was not interrupted still ends.
private func signalThenWrite(target: pthread_t, fd: Int32) -> pthread_t {
    let context = UnsafeMutablePointer<(pthread_t, Int32)>.allocate(capacity: 1)
    context.initialize(to: (target, fd))
    var helper = pthread_t()
    pthread_create(
        &helper, nil,
        { raw in
            guard let raw else { return nil }
            let pointer = raw.assumingMemoryBound(to: (pthread_t, Int32).self)
            let (target, fd) = pointer.pointee
            pointer.deallocate()
            usleep(200_000)
            pthread_kill(target, SIGUSR2)  // lands while the reader is blocked in read(2)
            usleep(200_000)
            var byte: UInt8 = 42
            _ = write(fd, &byte, 1)
            return nil
        }, context)
    return helper
}

/// `System.call`: a call interrupted by a real signal is made again; a failure names the call and errno.
@Suite(.serialized) struct SystemCallTests {
    @Test func aReadInterruptedByASignalIsRetriedAndStillReturnsTheData() throws {
        let restore = interruptingSignal()
        defer { restore() }
        let pipe = try Spawn.pipe()
        defer {
            close(pipe.read)
            close(pipe.write)
        }
        let helper = signalThenWrite(target: pthread_self(), fd: pipe.write)
        var attempts = 0
        var buffer: UInt8 = 0
        let count = try System.call("read") {
            attempts += 1
            return read(pipe.read, &buffer, 1)
        }
        pthread_join(helper, nil)
        #expect(count == 1)
        #expect(buffer == 42)
        #expect(signalsReceived == 1)
        #expect(attempts >= 2, "the read was not interrupted and retried: \(attempts) attempt(s)")
    }

    @Test func aFailureNamesTheCallTheErrnoAndWhatItWasDoing() {
        let path = "/nonexistent-gacetachat/file.ini"
        do {
            _ = try FileContents.read(path)
            Issue.record("reading \(path) succeeded")
        } catch {
            #expect(error.call == "open")
            #expect(error.errno == ENOENT)
            #expect(error.description == "open failed (\(path)): No such file or directory")
        }
    }

    @Test func anInterruptibleCallReturnsNilOnASignalInsteadOfRetrying() throws {
        let restore = interruptingSignal()
        defer { restore() }
        let pipe = try Spawn.pipe()
        defer {
            close(pipe.read)
            close(pipe.write)
        }
        let helper = signalThenWrite(target: pthread_self(), fd: pipe.write)
        var buffer: UInt8 = 0
        let result = try System.interruptible("read") { read(pipe.read, &buffer, 1) }
        pthread_join(helper, nil)
        #expect(result == nil)
        #expect(signalsReceived == 1)
    }
}
