import math


def reference(param, grad, exp_avg, exp_avg_sq, lr, beta1, beta2, eps, weight_decay, step):
    # torch.optim.AdamW's single-tensor update, on copies.
    p = param.mul(1 - lr * weight_decay)
    m = exp_avg.lerp(grad, 1 - beta1)
    v = exp_avg_sq.mul(beta2).addcmul_(grad, grad, value=1 - beta2)
    bias_correction1 = 1 - beta1**step
    bias_correction2 = 1 - beta2**step
    step_size = lr / bias_correction1
    denom = (v.sqrt() / math.sqrt(bias_correction2)).add_(eps)
    p.addcdiv_(m, denom, value=-step_size)
    return (p, m, v)


def bytes_moved(param, grad, exp_avg, exp_avg_sq, *scalars):
    return 7 * param.numel() * param.element_size()  # four reads, three writes


def flops(param, grad, exp_avg, exp_avg_sq, *scalars):
    return 12 * param.numel()
