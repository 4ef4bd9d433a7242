# The image that runs devctl in a cluster: the reaper CronJob (devctl admin install
# --reaper-image) and the bastion. Built from this repository, with nothing but devctl and the
# C libraries it links in the final image: no shell, no package manager, a non-root user.
#
#   docker build -t devctl:0.1 .
#
# CI cannot run a Docker engine; it lints this file with hadolint and builds the same binary
# with the same cargo command (tests/dockerfile.rs checks that they stay the same).

FROM rust:1-bookworm AS build
WORKDIR /src
COPY . .
# The release binary, linked against the build stage's glibc (no musl target is needed);
# its shared libraries are copied beside it below, so that it runs on an empty base.
RUN cargo build --release --locked --bin devctl
# The binary and every library the dynamic loader needs for it, at the same paths.
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN mkdir -p /rootfs/tmp \
    && cp target/release/devctl /rootfs/devctl \
    && ldd target/release/devctl | grep -o '/[^ ]*' | xargs cp --parents -L -t /rootfs \
    && chmod 1777 /rootfs/tmp

FROM scratch
COPY --from=build /rootfs /
# Any uid works (devctl needs no home of its own); 65532 is the one the reaper CronJob uses.
USER 65532:65532
ENV HOME=/tmp
ENTRYPOINT ["/devctl"]
CMD ["--help"]
