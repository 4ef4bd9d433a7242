// exec.go runs an exec request as a local process, with a PTY when asked, and hands the
// streaming library an error it understands, so a non-zero exit reaches the client as
// NonZeroExitCode with its code (kwok's own exec loses it).
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"time"

	"github.com/creack/pty"
	"k8s.io/cri-streaming/pkg/streaming/remotecommand"
	utilexec "k8s.io/utils/exec"
)

type executor struct {
	namespace string
}

func (e *executor) ExecInContainer(ctx context.Context, pod, _ string, container string, cmd []string,
	in io.Reader, out, errOut io.WriteCloser, tty bool, resize <-chan remotecommand.TerminalSize, _ time.Duration) error {
	c := exec.CommandContext(ctx, cmd[0], cmd[1:]...)
	c.Env = append(os.Environ(),
		"DEVCTL_TEST_POD="+e.namespace+"/"+pod,
		"DEVCTL_TEST_CONTAINER="+container)
	var err error
	if tty {
		err = runWithPTY(c, in, out, resize)
	} else {
		err = runWithPipes(c, in, out, errOut)
	}
	return exitError(err)
}

// runWithPipes closes the process's stdin when the client's stdin ends, so `cat` ends too.
func runWithPipes(c *exec.Cmd, in io.Reader, out, errOut io.Writer) error {
	if out != nil {
		c.Stdout = out
	}
	if errOut != nil {
		c.Stderr = errOut
	}
	var stdin io.WriteCloser
	if in != nil {
		var err error
		if stdin, err = c.StdinPipe(); err != nil {
			return err
		}
	}
	if err := c.Start(); err != nil {
		return err
	}
	if stdin != nil {
		go func() {
			_, _ = io.Copy(stdin, in)
			_ = stdin.Close()
		}()
	}
	return c.Wait()
}

func runWithPTY(c *exec.Cmd, in io.Reader, out io.Writer, resize <-chan remotecommand.TerminalSize) error {
	ptmx, err := pty.Start(c)
	if err != nil {
		return err
	}
	defer ptmx.Close()
	go func() {
		for size := range resize {
			_ = pty.Setsize(ptmx, &pty.Winsize{Rows: size.Height, Cols: size.Width})
		}
	}()
	if in != nil {
		go func() { _, _ = io.Copy(ptmx, in) }()
	}
	copied := make(chan struct{})
	go func() {
		if out != nil {
			// Reading the PTY ends with EIO once the process and its children are gone.
			_, _ = io.Copy(out, ptmx)
		}
		close(copied)
	}()
	err = c.Wait()
	if out != nil {
		select {
		case <-copied:
		case <-time.After(2 * time.Second):
		}
	}
	return err
}

// exitError turns a process's exit into utilexec's CodeExitError, which the streaming server
// reports as NonZeroExitCode; a command that cannot start exits 127 as in a shell.
func exitError(err error) error {
	if err == nil {
		return nil
	}
	var exitErr *exec.ExitError
	if errors.As(err, &exitErr) {
		return utilexec.CodeExitError{Err: err, Code: exitErr.ExitCode()}
	}
	if errors.Is(err, exec.ErrNotFound) || errors.Is(err, os.ErrNotExist) {
		return utilexec.CodeExitError{Err: fmt.Errorf("executable not found: %w", err), Code: 127}
	}
	return err
}
