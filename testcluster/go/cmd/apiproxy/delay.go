// delay.go is a delay line: every chunk read from the API server is released a fixed time
// after it arrived. Order is kept and the delay is paid once per chunk, not accumulated, so a
// watch stream or an exec session sees a distant server, not a slow one.
package main

import (
	"net"
	"sync/atomic"
	"time"
)

type chunk struct {
	data    []byte
	release time.Time
	err     error
}

type delayConn struct {
	net.Conn
	chunks  chan chunk
	pending []byte
}

func newDelayConn(conn net.Conn, latency *atomic.Int64) *delayConn {
	d := &delayConn{Conn: conn, chunks: make(chan chunk, 4096)}
	go func() {
		for {
			buf := make([]byte, 32*1024)
			n, err := conn.Read(buf)
			release := time.Now().Add(time.Duration(latency.Load()))
			if n > 0 {
				d.chunks <- chunk{data: buf[:n], release: release}
			}
			if err != nil {
				d.chunks <- chunk{err: err, release: release}
				close(d.chunks)
				return
			}
		}
	}()
	return d
}

func (d *delayConn) Read(p []byte) (int, error) {
	if len(d.pending) == 0 {
		c, ok := <-d.chunks
		if !ok {
			return 0, net.ErrClosed
		}
		if wait := time.Until(c.release); wait > 0 {
			time.Sleep(wait)
		}
		if c.err != nil {
			return 0, c.err
		}
		d.pending = c.data
	}
	n := copy(p, d.pending)
	d.pending = d.pending[n:]
	return n, nil
}
