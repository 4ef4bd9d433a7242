#!/bin/sh
# Run examples/jobs/train_ddp.py on two pods and fetch the model it saves.
# Needs an image with PyTorch; the script goes in as a --config-file (read-only at
# /devctl/config/train_ddp.py), so no image has to be built for it.
set -eu
here=$(dirname "$0")

# Two pods, one process each: plain PyTorch reads MASTER_ADDR, WORLD_SIZE and RANK.
devctl job run ddp --nodes 2 --image pytorch/pytorch:2.5.1-cuda12.4-cudnn9-runtime \
  --cpu 2 --memory 4Gi \
  --config-file train_ddp.py="$here/train_ddp.py" \
  --follow -- python /devctl/config/train_ddp.py

# The same under torchrun, four processes per pod (WORLD_SIZE 8), on GPU nodes:
#   devctl job run ddp-gpu --nodes 2 --procs-per-node 4 --gpu 4 --image pytorch/pytorch:... \
#     --config-file train_ddp.py="$here/train_ddp.py" --follow -- torchrun /devctl/config/train_ddp.py

# Index 0 saved model.pt in its results: copy it here, checked with SHA-256.
devctl job results ddp ./ddp-results --index 0
ls -l ./ddp-results/model.pt
