// delay.go is a delay line on what the proxy sends to one client: every chunk written is sent
// a fixed time after it was written. A write returns at once (up to a window of bytes in
// flight, as a TCP window would hold them), order is kept and each chunk pays the delay once,
// never after the chunk before it, so a stream sees a distant server, not a slow one, and the
// throughput stays what it was.
package main

import (
	"bytes"
	"net"
	"sync"
	"time"
)

// delayWindow is how many bytes may wait in a delay line before a write blocks: enough for
// loopback speeds over any latency a test asks for.
const delayWindow = 64 << 20

type delayedChunk struct {
	data    []byte
	release time.Time
}

type delayConn struct {
	net.Conn
	latency time.Duration

	mu      sync.Mutex
	queue   []delayedChunk // written, not sent yet, in order
	queued  int            // bytes in queue
	closing bool           // Close was called: the sender closes once the queue is sent
	closeAt time.Time
	err     error         // why sending failed; the connection is closed then
	wake    chan struct{} // (1) the queue grew or Close was called
	room    chan struct{} // (1) the queue shrank
	done    chan struct{} // closed once the sender has closed the connection
}

func newDelayConn(conn net.Conn, latency time.Duration) *delayConn {
	d := &delayConn{
		Conn:    conn,
		latency: latency,
		wake:    make(chan struct{}, 1),
		room:    make(chan struct{}, 1),
		done:    make(chan struct{}),
	}
	go d.send()
	return d
}

func signal(c chan struct{}) {
	select {
	case c <- struct{}{}:
	default:
	}
}

func (d *delayConn) Write(p []byte) (int, error) {
	d.mu.Lock()
	for d.queued > 0 && d.queued+len(p) > delayWindow && d.err == nil && !d.closing {
		d.mu.Unlock()
		select {
		case <-d.room:
		case <-d.done:
		}
		d.mu.Lock()
	}
	defer d.mu.Unlock()
	if d.err != nil {
		return 0, d.err
	}
	if d.closing {
		return 0, net.ErrClosed
	}
	d.queue = append(d.queue, delayedChunk{data: bytes.Clone(p), release: time.Now().Add(d.latency)})
	d.queued += len(p)
	signal(d.wake)
	return len(p), nil
}

// Close sends what was written, then closes the connection; the close too reaches the
// client a latency later. Dropping a connection closes the one underneath instead, at once.
func (d *delayConn) Close() error {
	d.mu.Lock()
	if d.closing {
		d.mu.Unlock()
		return net.ErrClosed
	}
	d.closing = true
	d.closeAt = time.Now().Add(d.latency)
	d.mu.Unlock()
	signal(d.wake)
	// Nothing reads a closed connection; a read waiting now returns.
	_ = d.Conn.SetReadDeadline(time.Now())
	return nil
}

// SetWriteDeadline does nothing: writes return at once, and a deadline on the connection
// underneath would cut what the line still holds (TLS sets one as it closes).
func (d *delayConn) SetWriteDeadline(time.Time) error { return nil }

// SetDeadline sets the read deadline only; see SetWriteDeadline.
func (d *delayConn) SetDeadline(t time.Time) error { return d.Conn.SetReadDeadline(t) }

func (d *delayConn) send() {
	defer close(d.done)
	for {
		d.mu.Lock()
		for len(d.queue) == 0 && !d.closing {
			d.mu.Unlock()
			<-d.wake
			d.mu.Lock()
		}
		if len(d.queue) == 0 {
			closeAt := d.closeAt
			d.mu.Unlock()
			time.Sleep(time.Until(closeAt))
			_ = d.Conn.Close()
			return
		}
		c := d.queue[0]
		d.mu.Unlock()
		// Behind time (the client reads slower than the proxy writes) this does not wait:
		// the delay never adds up.
		time.Sleep(time.Until(c.release))
		_, err := d.Conn.Write(c.data)
		d.mu.Lock()
		d.queue[0] = delayedChunk{}
		d.queue = d.queue[1:]
		d.queued -= len(c.data)
		if err != nil {
			d.err = err
			d.queue, d.queued = nil, 0
		}
		d.mu.Unlock()
		signal(d.room)
		if err != nil {
			_ = d.Conn.Close()
			return
		}
	}
}

// delayListener gives every connection it accepts a delay line of latency.
type delayListener struct {
	net.Listener
	latency time.Duration
}

func (l delayListener) Accept() (net.Conn, error) {
	conn, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return newDelayConn(conn, l.latency), nil
}
