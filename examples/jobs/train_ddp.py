"""A distributed PyTorch training run for `devctl job run --nodes N`.

devctl sets, in every pod, what torch.distributed reads: MASTER_ADDR (rank 0's stable DNS
name), MASTER_PORT, WORLD_SIZE, RANK and NODE_RANK, and torchrun's PET_* defaults. Run it
plainly (one process per pod: `python train_ddp.py`) or under torchrun (`--procs-per-node P`:
`torchrun train_ddp.py`, which reads PET_NNODES, PET_NODE_RANK, PET_NPROC_PER_NODE,
PET_MASTER_ADDR and PET_MASTER_PORT). What it writes under $DEVCTL_RESULTS (default /results)
comes back with `devctl job results NAME`.
"""

import os

import torch
import torch.distributed as dist


def main() -> None:
    # gloo runs anywhere; use "nccl" on GPU nodes.
    backend = "nccl" if torch.cuda.is_available() else "gloo"
    dist.init_process_group(backend)  # reads MASTER_ADDR, MASTER_PORT, WORLD_SIZE, RANK
    rank, world = dist.get_rank(), dist.get_world_size()
    local = int(os.environ.get("LOCAL_RANK", "0"))
    device = torch.device("cuda", local) if backend == "nccl" else torch.device("cpu")

    model = torch.nn.Linear(32, 1).to(device)
    ddp = torch.nn.parallel.DistributedDataParallel(
        model, device_ids=[local] if backend == "nccl" else None
    )
    optimizer = torch.optim.SGD(ddp.parameters(), lr=0.01)
    torch.manual_seed(rank)
    for step in range(100):
        x = torch.randn(64, 32, device=device)
        y = x.sum(dim=1, keepdim=True)
        loss = torch.nn.functional.mse_loss(ddp(x), y)
        optimizer.zero_grad()
        loss.backward()  # gradients are averaged across every rank here
        optimizer.step()
        if rank == 0 and step % 20 == 0:
            print(f"step {step} loss {loss.item():.4f} (world size {world})", flush=True)

    if rank == 0:
        results = os.environ.get("DEVCTL_RESULTS", "/results")
        torch.save(model.state_dict(), os.path.join(results, "model.pt"))
        print(f"saved {results}/model.pt", flush=True)
    dist.destroy_process_group()


if __name__ == "__main__":
    main()
