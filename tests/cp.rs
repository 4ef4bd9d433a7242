//! `cp` end to end: the real devctl binary copies over SFTP, through the test cluster's
//! port-forward, to and from the devserver's real OpenSSH server (tests/common/sshd.rs), and
//! what arrives is compared byte for byte, with its modes and times.
//!
//! Needs root and debootstrap for sshd (skips otherwise, fails under TESTCLUSTER_REQUIRED).

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on what it did not expect"
)]

mod common;

use std::io::Write as _;
use std::os::unix::fs::{MetadataExt as _, PermissionsExt as _};
use std::path::Path;

use common::ns::Ns;
use common::sshd::{self, Sshd};
use common::{random_file, stderr, stdout};

fn devserver(prefix: &str) -> Option<(Ns, Sshd)> {
    let ns = Ns::new(prefix)?;
    sshd::user_key(&ns);
    ns.ok(&["create", "box", "--wait", "--flavor", "cpu-small"]);
    let sshd = Sshd::start(&ns, "box")?;
    Some((ns, sshd))
}

fn code(out: &std::process::Output) -> i32 {
    out.status.code().unwrap_or(-1)
}

fn local_sha256(path: &Path) -> String {
    let out = std::process::Command::new("sha256sum")
        .arg(path)
        .output()
        .unwrap();
    stdout(&out).split_whitespace().next().unwrap().to_string()
}

/// What `ssh box -- CMD` prints, asserting it ran.
fn on_box(ns: &Ns, command: &[&str]) -> String {
    let mut args = vec!["ssh", "box", "--"];
    args.extend_from_slice(command);
    let out = ns.devctl(&args);
    assert_eq!(code(&out), 0, "{command:?}: {}", stderr(&out));
    stdout(&out)
}

/// Names in `dir` that a copy left behind under a temporary name.
fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".devctl-"))
        .collect()
}

#[test]
fn cp_copies_a_gibibyte_both_ways_byte_identical() {
    let Some((ns, _sshd)) = devserver("cp-big") else {
        return;
    };
    let home = ns.env.home();
    let big = home.join("big.bin");
    random_file(&big, 1 << 30, 0x9e37_79b9_7f4a_7c15);
    let sum = local_sha256(&big);

    let out = ns.devctl(&["cp", big.to_str().unwrap(), "box:/tmp/"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(stdout(&out), "", "cp prints no data");
    let there = on_box(&ns, &["sha256sum", "/tmp/big.bin;", "ls", "-a", "/tmp"]);
    assert!(
        there.starts_with(&format!("{sum}  /tmp/big.bin\n")),
        "{there}"
    );
    assert!(
        !there.contains(".devctl-"),
        "a temporary file was left: {there}"
    );

    let back = home.join("back");
    std::fs::create_dir(&back).unwrap();
    let out = ns.devctl(&["cp", "box:/tmp/big.bin", back.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let returned = back.join("big.bin");
    assert_eq!(std::fs::metadata(&returned).unwrap().len(), 1 << 30);
    assert_eq!(local_sha256(&returned), sum);
    assert_eq!(leftovers(&back), Vec::<String>::new());
}

/// A tree with what trees hold: nested and empty directories, an empty file, sizes around
/// SFTP's request sizes, a script, a private file, a symbolic link, odd names.
fn make_tree(top: &Path) {
    std::fs::create_dir_all(top.join("src/deep/er")).unwrap();
    std::fs::create_dir(top.join("empty")).unwrap();
    std::fs::write(top.join("empty-file"), b"").unwrap();
    random_file(&top.join("src/one-byte"), 1, 1);
    random_file(&top.join("src/chunk"), 32 * 1024, 2);
    random_file(&top.join("src/deep/odd size"), 255 * 1024 + 17, 3);
    random_file(&top.join("src/deep/er/five-megs"), 5 << 20, 4);
    std::fs::write(top.join("run.sh"), b"#!/bin/sh\necho ran\n").unwrap();
    std::fs::set_permissions(top.join("run.sh"), std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::write(top.join("src/secret"), b"only mine").unwrap();
    std::fs::set_permissions(
        top.join("src/secret"),
        std::fs::Permissions::from_mode(0o600),
    )
    .unwrap();
    std::fs::write(top.join("ünïcode – name"), b"utf-8").unwrap();
    std::os::unix::fs::symlink("src/deep/odd size", top.join("link")).unwrap();
    std::fs::set_permissions(top.join("src/deep"), std::fs::Permissions::from_mode(0o750)).unwrap();
    // Times in the past, so that keeping them shows.
    let past = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_600_000_000);
    for file in ["run.sh", "src/chunk", "src/deep/odd size"] {
        std::fs::File::options()
            .write(true)
            .open(top.join(file))
            .unwrap()
            .set_modified(past)
            .unwrap();
    }
    for dir in ["src/deep", "empty"] {
        std::fs::File::open(top.join(dir))
            .unwrap()
            .set_modified(past)
            .unwrap();
    }
}

/// Every path below `top` with its kind, mode, mtime, and content digest or link target.
fn listing(top: &Path) -> Vec<String> {
    let mut lines = Vec::new();
    let mut dirs = vec![top.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            let below = path.strip_prefix(top).unwrap().display().to_string();
            let meta = std::fs::symlink_metadata(&path).unwrap();
            let line = if meta.file_type().is_symlink() {
                format!(
                    "{below} -> {}",
                    std::fs::read_link(&path).unwrap().display()
                )
            } else if meta.is_dir() {
                dirs.push(path.clone());
                format!("{below}/ {:o} {}", meta.mode() & 0o7777, meta.mtime())
            } else {
                format!(
                    "{below} {:o} {} {}",
                    meta.mode() & 0o7777,
                    meta.mtime(),
                    local_sha256(&path)
                )
            };
            lines.push(line);
        }
    }
    lines.sort();
    lines
}

#[test]
fn cp_copies_a_tree_both_ways_with_modes_times_and_links() {
    let Some((ns, _sshd)) = devserver("cp-tree") else {
        return;
    };
    let home = ns.env.home();
    let tree = home.join("tree");
    make_tree(&tree);
    let before = listing(&tree);

    // Into the home directory: box: is it, and the tree goes inside under its name.
    let out = ns.devctl(&["cp", tree.to_str().unwrap(), "box:"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let there = on_box(
        &ns,
        &[
            "cd",
            "tree",
            "&&",
            "find",
            ".",
            "-printf",
            "'%p %m %y\\n'",
            "&&",
            "sha256sum",
            "src/deep/er/five-megs",
            "&&",
            "stat",
            "-c",
            "%Y",
            "run.sh",
            "src/deep",
            "&&",
            "./run.sh",
        ],
    );
    assert!(there.contains("./run.sh 755 f\n"), "{there}");
    assert!(there.contains("./src/secret 600 f\n"), "{there}");
    assert!(there.contains("./src/deep 750 d\n"), "{there}");
    assert!(there.contains("./link 777 l\n"), "{there}");
    assert!(
        there.contains("./empty 755 d\n") || there.contains("./empty 775 d\n"),
        "{there}"
    );
    assert!(there.contains("./ünïcode – name 644 f\n"), "{there}");
    assert!(
        there.contains(&local_sha256(&tree.join("src/deep/er/five-megs"))),
        "{there}"
    );
    assert!(there.contains("1600000000\n1600000000\nran\n"), "{there}");
    assert!(!there.contains(".devctl-"), "{there}");

    // And back, to a name that does not exist yet: the copy becomes it.
    let back = home.join("back");
    let out = ns.devctl(&["cp", "box:tree", back.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(listing(&back), before);
}

#[test]
fn cp_refuses_what_it_cannot_do_in_one_line() {
    let Some((ns, _sshd)) = devserver("cp-errors") else {
        return;
    };
    let home = ns.env.home();
    std::fs::write(home.join("file"), b"x").unwrap();
    let file = home.join("file").display().to_string();

    let out = ns.devctl(&["cp", "box:/no/such", home.to_str().unwrap()]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "error: box:/no/such: no such file or directory\n"
    );

    let out = ns.devctl(&["cp", &file, "box:/no/such/dir/"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(
        stderr(&out).starts_with("error: box:/no/such/dir/: no such directory"),
        "{}",
        stderr(&out)
    );

    let out = ns.devctl(&["cp", &file, "box:/no/such/file"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    // The message names the target, not the temporary name it is written under.
    assert_eq!(
        stderr(&out),
        "error: box:/no/such/file: no such file or directory\n"
    );

    let out = ns.devctl(&["cp", &file, &file]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(stderr(&out).contains("NAME:PATH"), "{}", stderr(&out));

    let out = ns.devctl(&["cp", "box:a", "box:b"]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));

    let out = ns.devctl(&["cp", &file, "nobox:/tmp"]);
    assert_eq!(code(&out), 3, "{}", stderr(&out));

    let out = ns.devctl(&["cp", &file, "Bad_Name:/tmp"]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));

    // A directory cannot replace a file.
    on_box(&ns, &["touch", "plain"]);
    let out = ns.devctl(&["cp", home.join("sshd-box").to_str().unwrap(), "box:plain"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("box:plain: exists and is not a directory"),
        "{}",
        stderr(&out)
    );
}

/// A `sha256sum` on the devserver that lies about every file: what a corrupted transfer
/// looks like to the check.
fn corrupt_checksums(ns: &Ns) {
    on_box(
        ns,
        &[
            "printf",
            "'#!/bin/sh\\necho 0000000000000000000000000000000000000000000000000000000000000000 \"$2\"\\n'",
            "|",
            "sudo",
            "tee",
            "/usr/local/bin/sha256sum",
            ">/dev/null",
            "&&",
            "sudo",
            "chmod",
            "755",
            "/usr/local/bin/sha256sum",
        ],
    );
}

#[test]
fn a_checksum_mismatch_fails_and_leaves_nothing_under_the_final_name() {
    let Some((ns, _sshd)) = devserver("cp-mismatch") else {
        return;
    };
    let home = ns.env.home();
    let data = home.join("data.bin");
    random_file(&data, 3 << 20, 7);
    on_box(
        &ns,
        &[
            "head",
            "-c",
            "1000000",
            "/dev/urandom",
            ">",
            "/tmp/there.bin",
        ],
    );
    corrupt_checksums(&ns);

    let out = ns.devctl(&["cp", data.to_str().unwrap(), "box:/tmp/data.bin"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(
        stderr(&out).starts_with("error: box:/tmp/data.bin does not match"),
        "{}",
        stderr(&out)
    );
    let there = on_box(&ns, &["ls", "-a", "/tmp"]);
    assert!(!there.contains("data.bin"), "{there}");

    let back = home.join("back");
    std::fs::create_dir(&back).unwrap();
    let out = ns.devctl(&["cp", "box:/tmp/there.bin", back.to_str().unwrap()]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("does not match box:/tmp/there.bin"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read_dir(&back).unwrap().count(), 0);
}

#[test]
fn without_sha256sum_on_the_devserver_files_are_read_back_to_check_them() {
    let Some((ns, _sshd)) = devserver("cp-no-sum") else {
        return;
    };
    on_box(
        &ns,
        &[
            "sudo",
            "mv",
            "/usr/bin/sha256sum",
            "/usr/bin/sha256sum.away",
        ],
    );
    let home = ns.env.home();
    let data = home.join("data.bin");
    random_file(&data, 2 << 20, 11);
    let out = ns.devctl(&["cp", data.to_str().unwrap(), "box:/tmp/"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("box cannot compute SHA-256 sums"),
        "{}",
        stderr(&out)
    );
    let there = on_box(&ns, &["sha256sum.away", "/tmp/data.bin"]);
    assert!(there.starts_with(&local_sha256(&data)), "{there}");

    // dd is what reads a segment there: without it, the same.
    on_box(
        &ns,
        &[
            "sudo",
            "mv",
            "/usr/bin/sha256sum.away",
            "/usr/bin/sha256sum",
            "&&",
            "sudo",
            "mv",
            "/usr/bin/dd",
            "/usr/bin/dd.away",
        ],
    );
    let out = ns.devctl(&["cp", data.to_str().unwrap(), "box:/tmp/again.bin"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("box cannot compute SHA-256 sums"),
        "{}",
        stderr(&out)
    );
    let there = on_box(&ns, &["sha256sum", "/tmp/again.bin"]);
    assert!(there.starts_with(&local_sha256(&data)), "{there}");
}

#[test]
fn a_file_named_dash_is_copied_like_any_other() {
    let Some((ns, _sshd)) = devserver("cp-dash") else {
        return;
    };
    let home = ns.env.home();
    // In the home directory, where its path is a bare "-".
    on_box(&ns, &["head", "-c", "100000", "/dev/urandom", ">", "./-"]);
    let back = home.join("back");
    std::fs::create_dir(&back).unwrap();
    let out = ns.devctl(&["cp", "box:-", back.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let there = on_box(&ns, &["sha256sum", "./-"]);
    assert!(there.starts_with(&local_sha256(&back.join("-"))), "{there}");
    let out = ns.devctl(&["cp", back.join("-").to_str().unwrap(), "box:"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
}

#[test]
fn cp_replaces_an_existing_file_on_either_side() {
    let Some((ns, _sshd)) = devserver("cp-replace") else {
        return;
    };
    let home = ns.env.home();
    let data = home.join("data.bin");
    on_box(&ns, &["echo", "old", ">", "/tmp/data.bin"]);
    random_file(&data, 300_000, 21);
    let out = ns.devctl(&["cp", data.to_str().unwrap(), "box:/tmp/data.bin"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let there = on_box(&ns, &["sha256sum", "/tmp/data.bin"]);
    assert!(there.starts_with(&local_sha256(&data)), "{there}");

    std::fs::write(home.join("here.bin"), b"old").unwrap();
    on_box(
        &ns,
        &["head", "-c", "70000", "/dev/urandom", ">", "/tmp/new.bin"],
    );
    let out = ns.devctl(&[
        "cp",
        "box:/tmp/new.bin",
        home.join("here.bin").to_str().unwrap(),
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let there = on_box(&ns, &["sha256sum", "/tmp/new.bin"]);
    assert!(
        there.starts_with(&local_sha256(&home.join("here.bin"))),
        "{there}"
    );
}

#[test]
fn ctrl_c_stops_a_copy_and_removes_the_file_in_flight() {
    let Some((ns, _sshd)) = devserver("cp-interrupt") else {
        return;
    };
    let home = ns.env.home();
    let big = home.join("big.bin");
    random_file(&big, 1 << 30, 5);
    let child = copying(&ns, big.to_str().unwrap(), "box:/tmp/");
    under_way_on_box(&ns);
    let out = interrupted(child);
    assert_eq!(code(&out), 130, "{}", stderr(&out));
    assert!(stderr(&out).contains("stopped copying"), "{}", stderr(&out));
    let there = on_box(&ns, &["ls", "-a", "/tmp"]);
    assert!(!there.contains("big.bin"), "left behind: {there}");
}

#[test]
fn a_download_never_writes_through_a_link_or_under_a_name_that_is_not_utf8() {
    let Some((ns, _sshd)) = devserver("cp-unsafe") else {
        return;
    };
    let home = ns.env.home();
    on_box(
        &ns,
        &["mkdir", "-p", "t/x", "&&", "echo", "hi", ">", "t/x/f"],
    );
    // A local link where the tree has a directory: the copy must not follow it.
    let outside = home.join("outside");
    std::fs::create_dir(&outside).unwrap();
    let back = home.join("back");
    std::fs::create_dir_all(back.join("t")).unwrap();
    std::os::unix::fs::symlink(&outside, back.join("t/x")).unwrap();
    let out = ns.devctl(&["cp", "box:t", back.to_str().unwrap()]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert_eq!(
        std::fs::read_dir(&outside).unwrap().count(),
        0,
        "written through the link"
    );

    // A name that is not UTF-8 is refused, not copied under another name.
    on_box(
        &ns,
        &[
            "mkdir",
            "u",
            "&&",
            "touch",
            "\"u/$(printf 'bad\\377name')\"",
        ],
    );
    let elsewhere = home.join("elsewhere");
    let out = ns.devctl(&["cp", "box:u", elsewhere.to_str().unwrap()]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(stderr(&out).contains("not UTF-8"), "{}", stderr(&out));
}

#[test]
fn cp_shows_a_progress_bar_with_the_rate_on_a_terminal() {
    let Some((ns, _sshd)) = devserver("cp-bar") else {
        return;
    };
    let home = ns.env.home();
    let data = home.join("data.bin");
    random_file(&data, 64 << 20, 9);
    // script(1) gives devctl a terminal on every stream.
    let command = format!(
        "{} --kubeconfig {} -n {} cp {} box:/tmp/",
        env!("CARGO_BIN_EXE_devctl"),
        ns.cluster.kubeconfig().display(),
        ns.name,
        data.display()
    );
    let out = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .env("HOME", home)
        .output()
        .unwrap();
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    let drawn = stdout(&out);
    assert!(drawn.contains("box [") && drawn.contains("iB/s"), "{drawn}");
}

/// `devctl cp FROM TO` running in the background.
fn copying(ns: &Ns, from: &str, to: &str) -> std::process::Child {
    ns.env
        .process()
        .arg("--kubeconfig")
        .arg(ns.cluster.kubeconfig())
        .args(["-n", &ns.name, "cp", from, to])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap()
}

/// Returns once the upload of `big.bin` to the devserver's /tmp has its temporary file there.
fn under_way_on_box(ns: &Ns) {
    let under_way =
        (0..200).any(|_| on_box(ns, &["ls", "-a", "/tmp"]).contains(".big.bin.devctl-"));
    assert!(under_way, "the copy never started");
}

/// Ctrl-C to a copy, and how it ended.
fn interrupted(child: std::process::Child) -> std::process::Output {
    let pid = child.id().to_string();
    let sent = std::process::Command::new("kill")
        .args(["-INT", &pid])
        .status()
        .unwrap();
    assert!(sent.success());
    child.wait_with_output().unwrap()
}

#[test]
fn ctrl_c_stops_a_download_and_removes_the_file_in_flight() {
    let Some((ns, _sshd)) = devserver("cp-interrupt-down") else {
        return;
    };
    on_box(
        &ns,
        &[
            "head",
            "-c",
            "1073741824",
            "/dev/urandom",
            ">",
            "/tmp/big.bin",
        ],
    );
    let back = ns.env.home().join("back");
    std::fs::create_dir(&back).unwrap();
    let child = copying(&ns, "box:/tmp/big.bin", back.to_str().unwrap());
    // Once the temporary file is here, the copy is under way.
    let under_way = (0..2000).any(|_| {
        std::thread::sleep(std::time::Duration::from_millis(5));
        !leftovers(&back).is_empty()
    });
    assert!(under_way, "the copy never started");
    let out = interrupted(child);
    assert_eq!(code(&out), 130, "{}", stderr(&out));
    assert_eq!(
        std::fs::read_dir(&back).unwrap().count(),
        0,
        "something was left"
    );
}

#[test]
fn a_local_file_that_changes_while_it_is_sent_is_not_left_on_the_devserver() {
    let Some((ns, _sshd)) = devserver("cp-changed") else {
        return;
    };
    let big = ns.env.home().join("big.bin");
    random_file(&big, 1 << 30, 13);
    let child = copying(&ns, big.to_str().unwrap(), "box:/tmp/");
    under_way_on_box(&ns);
    std::fs::OpenOptions::new()
        .append(true)
        .open(&big)
        .unwrap()
        .write_all(b"more")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("changed while it was copied"),
        "{}",
        stderr(&out)
    );
    let there = on_box(&ns, &["ls", "-a", "/tmp"]);
    assert!(!there.contains("big.bin"), "left behind: {there}");
}
