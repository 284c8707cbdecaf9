import numpy as np
from scipy import stats
rng = np.random.default_rng(20261207)
ks = list(range(2, 61)) + list(range(70, 201, 10)) + [250, 300, 400, 500, 700, 1000]
phi_c = []; band95 = []; band998 = []
for k in ks:
    r = max(20000, int(2.4e7 // k))
    r = min(r, 400000)
    e = rng.standard_normal((r, k)); z = e - e.mean(axis=1, keepdims=True)
    q10 = np.quantile(z, 0.1, axis=1, keepdims=True); q90 = np.quantile(z, 0.9, axis=1, keepdims=True)
    phi_c.append((np.clip(z, q10, q90)**2).mean())
    c = np.median(e, axis=1, keepdims=True); s = 1.4826*np.median(np.abs(e-c), axis=1, keepdims=True)
    t = (np.abs(e-c)/s).ravel()
    band95.append(np.quantile(t, 0.95)); band998.append(np.quantile(t, 0.998))
    print(k, r, round(phi_c[-1],5), round(band95[-1],4), round(band998[-1],4), flush=True)
c = stats.norm.ppf(0.9)
asym = (2*stats.norm.cdf(c)-1) - 2*c*stats.norm.pdf(c) + 2*(1-stats.norm.cdf(c))*c*c
print('asym', asym)
with open('tables.json','w') as f:
    import json; json.dump({'k': ks, 'phi': phi_c, 'b95': band95, 'b998': band998, 'asym': asym}, f)
