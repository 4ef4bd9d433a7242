// Command pause is the sandbox container of the test cluster's real node: the first process
// of every pod. It holds the pod's namespaces open, reaps the orphans that the pod's PID
// namespace hands to it (as its pid 1 must, or they stay zombies), and exits 0 on SIGINT or
// SIGTERM, which is how the container runtime stops a sandbox.
package main

import (
	"os"
	"os/signal"
	"syscall"
)

func main() {
	signals := make(chan os.Signal, 8)
	signal.Notify(signals, syscall.SIGINT, syscall.SIGTERM, syscall.SIGCHLD)
	// Children that ended before the handler was in place signalled nobody: collect them now.
	reap()
	for sig := range signals {
		if sig == syscall.SIGCHLD {
			reap()
			continue
		}
		os.Exit(0)
	}
}

// reap collects every child that has ended, without waiting for the others. One SIGCHLD can
// stand for several children, so it loops until none is left to collect.
func reap() {
	for {
		var status syscall.WaitStatus
		pid, err := syscall.Wait4(-1, &status, syscall.WNOHANG, nil)
		if err == syscall.EINTR {
			continue
		}
		if err != nil || pid <= 0 {
			return
		}
	}
}
