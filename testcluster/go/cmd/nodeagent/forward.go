// forward.go bridges a port-forward stream to the TCP address the test set for that pod and
// port, or to the agent's default for the port.
package main

import (
	"context"
	"fmt"
	"io"
	"net"
)

type forwarder struct {
	agent     *agent
	namespace string
}

func (f *forwarder) PortForward(ctx context.Context, pod, _ string, port int32, stream io.ReadWriteCloser) error {
	defer stream.Close()
	target, ok := f.agent.forwardTarget(f.namespace, pod, port)
	if !ok {
		return fmt.Errorf("no port-forward target for %s/%s port %d", f.namespace, pod, port)
	}
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", target)
	if err != nil {
		return fmt.Errorf("port %d of %s/%s: %w", port, f.namespace, pod, err)
	}
	defer conn.Close()
	go func() {
		_, _ = io.Copy(conn, stream)
		// The client finished sending: half-close so the target sees EOF.
		if tcp, ok := conn.(*net.TCPConn); ok {
			_ = tcp.CloseWrite()
		}
	}()
	// The forward lasts until the target closes its side or the request ends.
	fromTarget := make(chan struct{})
	go func() {
		_, _ = io.Copy(stream, conn)
		close(fromTarget)
	}()
	select {
	case <-fromTarget:
	case <-ctx.Done():
	}
	return nil
}
