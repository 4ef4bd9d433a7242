// Command realnode runs the test cluster's real node: containerd, CoreDNS and a kubelet, in
// PID, mount and cgroup namespaces of their own. It moves itself into the node's cgroup root
// and starts itself again as those namespaces' init, which reaps orphans and starts the
// daemons in order. When it ends, for whatever reason, the kernel kills every process left in
// the namespace (shims and containers too) and drops every mount made in it, so the node
// cannot outlive the cluster, even when the harness is killed. Every cgroup the node makes
// lies under its root (the cgroup namespace's), which the harness removes afterwards.
//
// What to run comes as a JSON plan (see plan) written by the Rust harness.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// plan is what the node runs, in order.
type plan struct {
	// Tmpfs are fresh, empty directories in the namespace (say /run), so that nothing a
	// daemon writes there reaches the host.
	Tmpfs []string `json:"tmpfs"`
	// Masks show these contents in place of host files (kernel settings under /proc/sys
	// the kubelet would otherwise rewrite for the whole machine).
	Masks map[string]string `json:"masks"`
	// MaskDir holds the files shown by Masks.
	MaskDir string `json:"maskDir"`
	// CgroupRoot is the node's cgroup (the same name in every hierarchy, made beforehand):
	// the root of its cgroup namespace.
	CgroupRoot string   `json:"cgroupRoot"`
	Daemons    []daemon `json:"daemons"`
}

type daemon struct {
	Name string   `json:"name"`
	Argv []string `json:"argv"`
	Env  []string `json:"env"`
	Log  string   `json:"log"`
	// WaitSocket, if set, is a unix socket that must accept before the next daemon starts.
	WaitSocket string `json:"waitSocket"`
	// After are commands run, all at once, once the daemon is up; each must exit 0.
	After []task `json:"after"`
}

type task struct {
	Name string   `json:"name"`
	Argv []string `json:"argv"`
	Log  string   `json:"log"`
}

const initMarker = "REALNODE_INIT"

// How long a daemon's socket may take to accept, and a stopping daemon to exit.
const (
	socketTimeout = 60 * time.Second
	stopTimeout   = 10 * time.Second
)

func main() {
	planFile := flag.String("plan", "", "the JSON plan")
	flag.Parse()
	log.SetFlags(log.Ldate | log.Ltime | log.Lmicroseconds)
	if *planFile == "" {
		log.Fatal("--plan is required")
	}
	data, err := os.ReadFile(*planFile)
	if err != nil {
		log.Fatal(err)
	}
	var p plan
	if err := json.Unmarshal(data, &p); err != nil {
		log.Fatalf("plan %s: %v", *planFile, err)
	}
	if os.Getenv(initMarker) == "1" {
		os.Exit(runInit(&p))
	}
	os.Exit(runOuter(&p))
}

// runOuter starts this program again as init of new PID and mount namespaces and waits for
// it, passing on SIGTERM and SIGINT. If this process dies, the kernel kills the init
// (Pdeathsig), and with it the namespace.
func runOuter(p *plan) int {
	// Pdeathsig follows the thread that started the child: keep this one.
	runtime.LockOSThread()
	if err := joinCgroup(p.CgroupRoot); err != nil {
		log.Printf("joining the node's cgroup: %v", err)
		return 1
	}
	self, err := os.Executable()
	if err != nil {
		log.Print(err)
		return 1
	}
	signals := make(chan os.Signal, 2)
	signal.Notify(signals, syscall.SIGTERM, syscall.SIGINT)
	proc, err := os.StartProcess(self, os.Args, &os.ProcAttr{
		Env:   append(os.Environ(), initMarker+"=1"),
		Files: []*os.File{os.Stdin, os.Stdout, os.Stderr},
		Sys: &syscall.SysProcAttr{
			Cloneflags: syscall.CLONE_NEWPID | syscall.CLONE_NEWNS | syscall.CLONE_NEWCGROUP,
			Pdeathsig:  syscall.SIGKILL,
		},
	})
	if err != nil {
		log.Printf("starting the node's namespaces: %v", err)
		return 1
	}
	go func() {
		for s := range signals {
			_ = proc.Signal(s)
		}
	}()
	state, err := proc.Wait()
	if err != nil {
		log.Print(err)
		return 1
	}
	return state.ExitCode()
}

// runInit is PID 1 of the node's namespaces.
func runInit(p *plan) int {
	if err := setUpMounts(p); err != nil {
		log.Printf("mounts: %v", err)
		return 1
	}
	n := newNode()
	signals := make(chan os.Signal, 2)
	signal.Notify(signals, syscall.SIGTERM, syscall.SIGINT)

	started := make(chan error, 1)
	go func() { started <- n.start(p) }()
	select {
	case err := <-started:
		if err != nil {
			log.Print(err)
			n.stop()
			return 1
		}
	case s := <-signals:
		log.Printf("%v while starting: stopping", s)
		n.stop()
		return 0
	}
	log.Print("node ready")
	select {
	case s := <-signals:
		log.Printf("%v: stopping", s)
		n.stop()
		return 0
	case exit := <-n.exits:
		log.Printf("%s exited (%s): stopping the node", exit.name, exit.status)
		n.stop()
		return 1
	}
}

// cgroupMount is one mounted cgroup hierarchy.
type cgroupMount struct {
	point, fstype, options string
}

// cgroupMounts reads the cgroup hierarchies mounted here from mountinfo: the mount point, the
// type (cgroup or cgroup2) and the super options that name the controllers (`cpu`,
// `name=systemd`).
func cgroupMounts() ([]cgroupMount, error) {
	data, err := os.ReadFile("/proc/self/mountinfo")
	if err != nil {
		return nil, err
	}
	var mounts []cgroupMount
	for _, line := range strings.Split(string(data), "\n") {
		left, right, ok := strings.Cut(line, " - ")
		if !ok {
			continue
		}
		fields, super := strings.Fields(left), strings.Fields(right)
		if len(fields) < 5 || len(super) < 3 || (super[0] != "cgroup" && super[0] != "cgroup2") {
			continue
		}
		var options []string
		for _, o := range strings.Split(super[2], ",") {
			if o != "rw" && o != "ro" {
				options = append(options, o)
			}
		}
		mounts = append(mounts, cgroupMount{point: fields[4], fstype: super[0], options: strings.Join(options, ",")})
	}
	return mounts, nil
}

// joinCgroup moves this process into root in every hierarchy, so that its children start
// there and the cgroup namespace made for them is rooted there.
func joinCgroup(root string) error {
	if root == "" {
		return nil
	}
	mounts, err := cgroupMounts()
	if err != nil {
		return err
	}
	pid := []byte(fmt.Sprint(os.Getpid()))
	for _, m := range mounts {
		if err := os.WriteFile(filepath.Join(m.point, root, "cgroup.procs"), pid, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// remountCgroups mounts the hierarchies again, as this cgroup namespace sees them: rooted at
// the node's cgroup, so the cgroups containerd and runc make (at /k8s.io/ID, say) lie under it.
// A v1 hierarchy cannot be mounted a second time where it is already mounted, so the
// directory that holds them (/sys/fs/cgroup) gets a fresh tmpfs with a mount point for each.
func remountCgroups() error {
	mounts, err := cgroupMounts()
	if err != nil {
		return err
	}
	const flags = unix.MS_NOSUID | unix.MS_NODEV | unix.MS_NOEXEC
	covered := map[string]bool{}
	for _, m := range mounts {
		parent := filepath.Dir(m.point)
		if m.fstype != "cgroup" || covered[parent] || isMountPoint(mounts, parent) {
			continue
		}
		// The links beside the hierarchies (cpu -> cpu,cpuacct on many machines), which
		// libraries use to find a controller, are made again on the new tmpfs.
		links := map[string]string{}
		entries, _ := os.ReadDir(parent)
		for _, e := range entries {
			if e.Type()&os.ModeSymlink != 0 {
				if target, err := os.Readlink(filepath.Join(parent, e.Name())); err == nil {
					links[e.Name()] = target
				}
			}
		}
		if err := unix.Mount("tmpfs", parent, "tmpfs", flags, "mode=755"); err != nil {
			return fmt.Errorf("tmpfs on %s: %w", parent, err)
		}
		for name, target := range links {
			if err := os.Symlink(target, filepath.Join(parent, name)); err != nil {
				return err
			}
		}
		covered[parent] = true
	}
	for _, m := range mounts {
		if err := os.MkdirAll(m.point, 0o755); err != nil {
			return err
		}
		if err := unix.Mount("cgroup", m.point, m.fstype, flags, m.options); err != nil {
			return fmt.Errorf("mounting the cgroup hierarchy at %s: %w", m.point, err)
		}
		if m.fstype == "cgroup2" {
			if err := delegate(m.point); err != nil {
				return err
			}
		}
	}
	return nil
}

// delegate moves this process (and so every daemon it starts) into a leaf `init` of a cgroup v2
// hierarchy, and turns on the root's controllers for its children: v2 gives children no
// controllers of a cgroup that holds processes itself, and runc needs cpu and memory for the
// containers' cgroups it makes beside init.
func delegate(root string) error {
	leaf := filepath.Join(root, "init")
	if err := os.MkdirAll(leaf, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(leaf, "cgroup.procs"), []byte(fmt.Sprint(os.Getpid())), 0o644); err != nil {
		return fmt.Errorf("moving the node's init into %s: %w", leaf, err)
	}
	available, err := os.ReadFile(filepath.Join(root, "cgroup.controllers"))
	if err != nil {
		return err
	}
	for _, controller := range strings.Fields(string(available)) {
		// One at a time: a controller the machine keeps for itself must not stop the others.
		if err := os.WriteFile(filepath.Join(root, "cgroup.subtree_control"), []byte("+"+controller), 0o644); err != nil {
			log.Printf("cgroup v2 controller %s stays off for the node's pods: %v", controller, err)
		}
	}
	return nil
}

// isMountPoint says whether dir is itself one of the cgroup mounts. (A cgroup v2-only machine
// mounts its one hierarchy at /sys/fs/cgroup; that one is mounted again in place.)
func isMountPoint(mounts []cgroupMount, dir string) bool {
	for _, m := range mounts {
		if m.point == dir {
			return true
		}
	}
	return false
}

func setUpMounts(p *plan) error {
	if err := unix.Mount("", "/", "", unix.MS_REC|unix.MS_PRIVATE, ""); err != nil {
		return fmt.Errorf("making / private: %w", err)
	}
	// A /proc of this PID namespace, so the daemons see their own processes only.
	if err := unix.Mount("proc", "/proc", "proc", unix.MS_NOSUID|unix.MS_NODEV|unix.MS_NOEXEC, ""); err != nil {
		return fmt.Errorf("mounting /proc: %w", err)
	}
	if err := remountCgroups(); err != nil {
		return err
	}
	for _, dir := range p.Tmpfs {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		if err := unix.Mount("tmpfs", dir, "tmpfs", unix.MS_NOSUID|unix.MS_NODEV, "mode=755"); err != nil {
			return fmt.Errorf("tmpfs on %s: %w", dir, err)
		}
	}
	if len(p.Masks) > 0 {
		if err := os.MkdirAll(p.MaskDir, 0o755); err != nil {
			return err
		}
	}
	i := 0
	for target, content := range p.Masks {
		i++
		file := filepath.Join(p.MaskDir, fmt.Sprintf("mask-%d", i))
		if err := os.WriteFile(file, []byte(content+"\n"), 0o444); err != nil {
			return err
		}
		if err := unix.Mount(file, target, "", unix.MS_BIND, ""); err != nil {
			return fmt.Errorf("masking %s: %w", target, err)
		}
		if err := unix.Mount("", target, "", unix.MS_BIND|unix.MS_REMOUNT|unix.MS_RDONLY, ""); err != nil {
			return fmt.Errorf("masking %s read-only: %w", target, err)
		}
	}
	return nil
}

type exit struct {
	name   string
	status string
}

// node tracks the daemons it started. As PID 1 it reaps every child, its own and orphans, so
// it never uses os/exec's Wait: reap reports the exits of the ones it knows.
type node struct {
	mu      sync.Mutex
	running map[int]string
	// gone[pid] is closed when that daemon has been reaped.
	gone    map[int]chan struct{}
	waiters map[int]chan syscall.WaitStatus
	order   []int
	exits   chan exit
}

func newNode() *node {
	n := &node{
		running: map[int]string{},
		gone:    map[int]chan struct{}{},
		waiters: map[int]chan syscall.WaitStatus{},
		exits:   make(chan exit, 16),
	}
	children := make(chan os.Signal, 16)
	signal.Notify(children, syscall.SIGCHLD)
	go func() {
		for range children {
			n.reap()
		}
	}()
	return n
}

func (n *node) reap() {
	for {
		var ws syscall.WaitStatus
		pid, err := syscall.Wait4(-1, &ws, syscall.WNOHANG, nil)
		if pid <= 0 || err != nil {
			return
		}
		n.mu.Lock()
		name, daemon := n.running[pid]
		delete(n.running, pid)
		if gone := n.gone[pid]; gone != nil {
			close(gone)
			delete(n.gone, pid)
		}
		waiter := n.waiters[pid]
		delete(n.waiters, pid)
		n.mu.Unlock()
		if waiter != nil {
			waiter <- ws
		}
		if daemon {
			n.exits <- exit{name: name, status: describe(ws)}
		}
	}
}

func describe(ws syscall.WaitStatus) string {
	if ws.Signaled() {
		return "signal " + ws.Signal().String()
	}
	return fmt.Sprintf("exit code %d", ws.ExitStatus())
}

// spawn starts argv with its output in logPath; done, if given, receives its status.
func (n *node) spawn(name string, argv, env []string, logPath string, isDaemon bool, done chan syscall.WaitStatus) (int, error) {
	if len(argv) == 0 {
		return 0, fmt.Errorf("%s: empty command", name)
	}
	out, err := os.OpenFile(logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return 0, err
	}
	defer out.Close()
	null, err := os.Open(os.DevNull)
	if err != nil {
		return 0, err
	}
	defer null.Close()
	// Hold the lock across the start, so reap cannot see the exit before the pid is known.
	n.mu.Lock()
	defer n.mu.Unlock()
	proc, err := os.StartProcess(argv[0], argv, &os.ProcAttr{
		Env:   append(os.Environ()[:0:0], env...),
		Files: []*os.File{null, out, out},
		Sys:   &syscall.SysProcAttr{Setpgid: true},
	})
	if err != nil {
		return 0, fmt.Errorf("starting %s: %w", name, err)
	}
	if isDaemon {
		n.running[proc.Pid] = name
		n.gone[proc.Pid] = make(chan struct{})
		n.order = append(n.order, proc.Pid)
	}
	if done != nil {
		n.waiters[proc.Pid] = done
	}
	return proc.Pid, nil
}

func (n *node) start(p *plan) error {
	for _, d := range p.Daemons {
		done := make(chan syscall.WaitStatus, 1)
		if _, err := n.spawn(d.Name, d.Argv, d.Env, d.Log, true, done); err != nil {
			return err
		}
		if d.WaitSocket != "" {
			if err := waitSocket(d, done); err != nil {
				return err
			}
		}
		if err := n.runAll(d.After, d.Env); err != nil {
			return err
		}
		log.Printf("%s started", d.Name)
	}
	return nil
}

func waitSocket(d daemon, done chan syscall.WaitStatus) error {
	deadline := time.Now().Add(socketTimeout)
	for {
		conn, err := net.DialTimeout("unix", d.WaitSocket, time.Second)
		if err == nil {
			conn.Close()
			return nil
		}
		select {
		case ws := <-done:
			return fmt.Errorf("%s exited (%s) before %s accepted; see %s", d.Name, describe(ws), d.WaitSocket, d.Log)
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%s: %s did not accept within %v; see %s", d.Name, d.WaitSocket, socketTimeout, d.Log)
		}
	}
}

// runAll runs tasks at once and fails if any does not exit 0.
func (n *node) runAll(tasks []task, env []string) error {
	errs := make(chan error, len(tasks))
	for _, t := range tasks {
		done := make(chan syscall.WaitStatus, 1)
		if _, err := n.spawn(t.Name, t.Argv, env, t.Log, false, done); err != nil {
			return err
		}
		go func() {
			ws := <-done
			if ws.Exited() && ws.ExitStatus() == 0 {
				errs <- nil
				return
			}
			errs <- fmt.Errorf("%s failed (%s); see %s", t.Name, describe(ws), t.Log)
		}()
	}
	var all []error
	for range tasks {
		if err := <-errs; err != nil {
			all = append(all, err)
		}
	}
	return errors.Join(all...)
}

// stop asks the daemons to end, the last started first, each within stopTimeout; whatever
// is left ends with this process.
func (n *node) stop() {
	n.mu.Lock()
	order := append([]int(nil), n.order...)
	n.mu.Unlock()
	for i := len(order) - 1; i >= 0; i-- {
		pid := order[i]
		n.mu.Lock()
		gone, alive := n.gone[pid]
		n.mu.Unlock()
		if !alive {
			continue
		}
		_ = syscall.Kill(pid, syscall.SIGTERM)
		select {
		case <-gone:
		case <-time.After(stopTimeout):
		}
	}
}
