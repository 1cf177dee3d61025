"""The workshop's own check of its four optimizers, rebuilt for timing side by side with `npm run grade`.

Like the original notebook's tests, it imports PyTorch, runs a hand-written SGD, Momentum, RMSprop and Adam for
100 steps from (-1, 2) on the banana function, and compares each whole trajectory with torch.optim's
(allclose, atol 1e-3). It exits 1 if any of the four disagrees. Run with Debian's python3 (python3-torch).
"""

import sys

import torch

START = (-1.0, 2.0)
STEPS = 100


def banana(x, y):
    return (1 - x) ** 2 + 100 * (y - x**2) ** 2 + 1


class HandSGD:
    def __init__(self, theta, lr):
        self.theta, self.lr = theta, lr

    def step(self):
        with torch.no_grad():
            self.theta -= self.lr * self.theta.grad

    def zero_grad(self):
        self.theta.grad = None


class HandMomentum(HandSGD):
    def __init__(self, theta, lr, mu):
        super().__init__(theta, lr)
        self.mu, self.v = mu, torch.zeros_like(theta)

    def step(self):
        with torch.no_grad():
            self.v = self.mu * self.v + (1 - self.mu) * self.theta.grad
            self.theta -= self.lr * self.v


class HandRMSprop(HandSGD):
    def __init__(self, theta, lr, mu, eps):
        super().__init__(theta, lr)
        self.mu, self.eps, self.r = mu, eps, torch.zeros_like(theta)

    def step(self):
        with torch.no_grad():
            g = self.theta.grad
            self.r = self.mu * self.r + (1 - self.mu) * g**2
            self.theta -= self.lr * g / (self.r.sqrt() + self.eps)


class HandAdam(HandSGD):
    def __init__(self, theta, lr, mu1, mu2, eps):
        super().__init__(theta, lr)
        self.mu1, self.mu2, self.eps, self.t = mu1, mu2, eps, 0
        self.m, self.v = torch.zeros_like(theta), torch.zeros_like(theta)

    def step(self):
        with torch.no_grad():
            g = self.theta.grad
            self.t += 1
            self.m = self.mu1 * self.m + (1 - self.mu1) * g
            self.v = self.mu2 * self.v + (1 - self.mu2) * g**2
            m_hat = self.m / (1 - self.mu1**self.t)
            v_hat = self.v / (1 - self.mu2**self.t)
            self.theta -= self.lr * m_hat / (v_hat.sqrt() + self.eps)


def trajectory(make_optimizer):
    theta = torch.tensor(START, requires_grad=True)
    optimizer = make_optimizer(theta)
    points = []
    for _ in range(STEPS):
        points.append(theta.detach().clone())
        optimizer.zero_grad()
        banana(*theta).backward()
        optimizer.step()
    return torch.stack(points)


CASES = {
    "SGD": (lambda p: HandSGD(p, 0.001), lambda p: torch.optim.SGD([p], lr=0.001)),
    # torch's buffer has no (1 - mu) factor: the same steps with the learning rate scaled by (1 - mu).
    "Momentum": (lambda p: HandMomentum(p, 0.001, 0.9), lambda p: torch.optim.SGD([p], lr=0.001 * 0.1, momentum=0.9)),
    "RMSprop": (
        lambda p: HandRMSprop(p, 0.001, 0.9, 1e-8),
        lambda p: torch.optim.RMSprop([p], lr=0.001, alpha=0.9, eps=1e-8),
    ),
    "Adam": (
        lambda p: HandAdam(p, 0.001, 0.9, 0.999, 1e-8),
        lambda p: torch.optim.Adam([p], lr=0.001, betas=(0.9, 0.999), eps=1e-8),
    ),
}

failed = [name for name, (mine, theirs) in CASES.items() if not torch.allclose(trajectory(mine), trajectory(theirs), atol=1e-3)]
for name in CASES:
    print(f"{'FAIL' if name in failed else 'ok'}  test_{name}")
sys.exit(1 if failed else 0)
