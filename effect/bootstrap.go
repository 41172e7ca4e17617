package effect

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"gonum.org/v1/gonum/stat/distuv"
)

// TwoSampleStatistic computes a statistic (an effect size, a difference in
// medians, ...) of an intervention sample and a usual-care sample. It must
// not modify or retain the slices, and it must be safe to call from several
// goroutines at once (a pure function of its arguments is).
type TwoSampleStatistic func(treat, control []float64) float64

// maxBootstrapReplicates bounds BootstrapOptions.Replicates: the
// replicates (and, for the studentized interval, their variances) are kept
// in memory, and far fewer suffice for any interval (Efron & Tibshirani
// 1993 suggest 1000-2000 for BCa).
const maxBootstrapReplicates = 10_000_000

// BootstrapOptions holds the settings of BootstrapCI. A nil
// *BootstrapOptions means the defaults.
type BootstrapOptions struct {
	// Replicates is the number of bootstrap resamples B, from 100 to
	// 10,000,000; 0 means 2000.
	Replicates int
	// Level is the confidence level in (0, 1); 0 means 0.95.
	Level float64
	// Seed seeds the random streams. The same Seed (and data, statistic
	// and Replicates) gives the same result whatever the number of
	// workers or GOMAXPROCS.
	Seed uint64
	// Workers is the number of goroutines; 0 means GOMAXPROCS. It changes
	// only the speed.
	Workers int
	// Variance, when not nil, estimates the sampling variance of the
	// statistic from a pair of samples (for Hedges' g, for example,
	// 1/n1 + 1/n2 + g²/(2(n1 + n2))). It enables the studentized
	// (bootstrap-t) interval.
	Variance TwoSampleStatistic
}

// BootstrapResult holds the bootstrap distribution of a two-sample
// statistic and its intervals.
type BootstrapResult struct {
	// Estimate is the statistic of the original samples.
	Estimate float64
	// Bias is mean(θ*) − Estimate and SE the standard deviation of θ*.
	Bias, SE float64
	// Percentile is the percentile interval and BCa the bias-corrected and
	// accelerated interval (Efron 1987), whose bias correction Z0 and
	// acceleration Acceleration are also given.
	Percentile, BCa  Interval
	Z0, Acceleration float64
	// Studentized is the bootstrap-t interval; it is set only when
	// BootstrapOptions.Variance was given (HasStudentized).
	Studentized    Interval
	HasStudentized bool
	// Replicates holds θ* in replicate order.
	Replicates []float64
}

// bootChunk is the number of replicates drawn from one random stream. The
// chunks, not the workers, own the streams, which is what makes the result
// independent of the number of workers.
const bootChunk = 64

// BootstrapCI computes bootstrap confidence intervals for stat, resampling
// each arm separately (a stratified bootstrap: both arms keep their sizes,
// as in a trial), in parallel.
//
// Intervals (Davison & Hinkley 1997, ch. 5; Efron & Tibshirani 1993):
//   - percentile: the α/2 and 1 − α/2 quantiles of θ*;
//   - BCa: percentile levels adjusted by the bias correction
//     z0 = Φ⁻¹(#{θ* < θ̂}/B) and the acceleration
//     a = Σ_k Σ_i l_ki³/n_k³ / (6 (Σ_k Σ_i l_ki²/n_k²)^{3/2}), with l_ki the
//     jackknife influence values computed within arm k (the stratified
//     form; boot.ci drops the n_k scaling, which matters only when the arms
//     have unequal sizes);
//   - studentized: θ̂ − t*_{1−α/2} √v̂ to θ̂ − t*_{α/2} √v̂, with
//     t* = (θ* − θ̂)/√v*, when a Variance function is given.
//
// Quantiles of the bootstrap distribution are taken as R's boot package
// does (boot:::norm.inter): the ((B + 1)p)-th order statistic, interpolated
// on the normal-quantile scale when (B + 1)p is not an integer. Results
// therefore agree with boot.ci up to Monte Carlo error (the random streams
// differ, and boot estimates the BCa acceleration by regression on the
// resampling frequencies rather than by the jackknife).
//
// Errors: empty or too small samples (each arm needs 2 values), NaN or
// infinite data (naming arm and index), B < 100 (too few for the BCa
// tails) or B > 10,000,000 (every replicate is kept in memory), a
// statistic that is not finite on the original samples, on a replicate or
// on a jackknife sample, and a bootstrap distribution lying entirely on one
// side of the estimate (z0 infinite).
func BootstrapCI(treat, control []float64, stat TwoSampleStatistic, o *BootstrapOptions) (BootstrapResult, error) {
	var opt BootstrapOptions
	if o != nil {
		opt = *o
	}
	if opt.Replicates == 0 {
		opt.Replicates = 2000
	}
	if opt.Level == 0 {
		opt.Level = 0.95
	}
	if !(opt.Level > 0 && opt.Level < 1) {
		return BootstrapResult{}, fieldErr("BootstrapOptions.Level", opt.Level, "must lie in (0, 1)")
	}
	if opt.Replicates < 100 {
		return BootstrapResult{}, fieldErr("BootstrapOptions.Replicates", opt.Replicates, "must be at least 100")
	}
	if opt.Replicates > maxBootstrapReplicates {
		return BootstrapResult{}, fieldErr("BootstrapOptions.Replicates", opt.Replicates, "must be at most 10,000,000 (every replicate is kept in memory)")
	}
	if opt.Workers < 0 {
		return BootstrapResult{}, fieldErr("BootstrapOptions.Workers", opt.Workers, "must not be negative")
	}
	if stat == nil {
		return BootstrapResult{}, fieldErr("stat", nil, "statistic must not be nil")
	}
	for _, arm := range []struct {
		name string
		x    []float64
	}{{"treat", treat}, {"control", control}} {
		if len(arm.x) < 2 {
			return BootstrapResult{}, fieldErr(arm.name, len(arm.x), "needs at least 2 values")
		}
		for i, v := range arm.x {
			if !designFinite(v) {
				return BootstrapResult{}, fieldErr(fmt.Sprintf("%s[%d]", arm.name, i), v, "must be finite")
			}
		}
	}
	theta := stat(treat, control)
	if !designFinite(theta) {
		return BootstrapResult{}, fieldErr("stat", theta, "statistic is not finite on the original samples")
	}
	res := BootstrapResult{Estimate: theta}
	var v0 float64
	if opt.Variance != nil {
		v0 = opt.Variance(treat, control)
		if !designFinite(v0) || v0 <= 0 {
			return BootstrapResult{}, fieldErr("BootstrapOptions.Variance", v0, "variance is not finite and positive on the original samples")
		}
	}

	B := opt.Replicates
	workers := opt.Workers
	if workers == 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	nChunks := (B + bootChunk - 1) / bootChunk
	workers = min(workers, nChunks)
	reps := make([]float64, B)
	var tstar []float64
	if opt.Variance != nil {
		tstar = make([]float64, B)
	}
	var next atomic.Int64
	var bad atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			xs := make([]float64, len(treat))
			ys := make([]float64, len(control))
			for {
				c := int(next.Add(1) - 1)
				if c >= nChunks {
					return
				}
				pcg := rand.NewPCG(bootMix(opt.Seed^bootMix(uint64(c)+1)), bootMix(opt.Seed+uint64(c)))
				hi := min((c+1)*bootChunk, B)
				for r := c * bootChunk; r < hi; r++ {
					bootResample(pcg, xs, treat)
					bootResample(pcg, ys, control)
					th := stat(xs, ys)
					reps[r] = th
					if !designFinite(th) {
						bad.Add(1)
						continue
					}
					if tstar != nil {
						v := opt.Variance(xs, ys)
						if !designFinite(v) || v <= 0 {
							bad.Add(1)
							continue
						}
						tstar[r] = (th - theta) / math.Sqrt(v)
					}
				}
			}
		}()
	}
	wg.Wait()
	if n := bad.Load(); n > 0 {
		return BootstrapResult{}, fieldErr("stat", n, fmt.Sprintf("statistic or variance not finite on %d of %d bootstrap replicates", n, B))
	}
	a, err := bootAcceleration(treat, control, theta, stat, workers)
	if err != nil {
		return BootstrapResult{}, err
	}
	if err := bootSummarize(&res, reps, tstar, v0, a, opt.Level); err != nil {
		return BootstrapResult{}, err
	}
	return res, nil
}

// bootSummarize fills res (whose Estimate is set) from the replicates θ*,
// the studentized replicates t* (nil when there is no variance), the
// variance v0 of the original estimate and the acceleration a.
func bootSummarize(res *BootstrapResult, reps, tstar []float64, v0, a, level float64) error {
	theta := res.Estimate
	B := len(reps)
	res.Replicates = reps
	var sum, below float64
	for _, t := range reps {
		sum += t
		if t < theta {
			below++
		}
	}
	mean := sum / float64(B)
	var ss float64
	for _, t := range reps {
		ss += (t - mean) * (t - mean)
	}
	res.Bias = mean - theta
	res.SE = math.Sqrt(ss / float64(B-1))

	sorted := slices.Clone(reps)
	slices.Sort(sorted)
	alpha := (1 - level) / 2
	res.Percentile = Interval{Lower: bootQuantile(sorted, alpha), Upper: bootQuantile(sorted, 1-alpha), Level: level}

	z0 := distuv.UnitNormal.Quantile(below / float64(B))
	if math.IsInf(z0, 0) {
		return fieldErr("stat", theta, "bootstrap distribution lies entirely on one side of the estimate; BCa undefined")
	}
	res.Z0, res.Acceleration = z0, a
	adj := func(p float64) float64 {
		z := distuv.UnitNormal.Quantile(p)
		return distuv.UnitNormal.CDF(z0 + (z0+z)/(1-a*(z0+z)))
	}
	res.BCa = Interval{Lower: bootQuantile(sorted, adj(alpha)), Upper: bootQuantile(sorted, adj(1-alpha)), Level: level}

	if tstar != nil {
		ts := slices.Clone(tstar)
		slices.Sort(ts)
		se0 := math.Sqrt(v0)
		res.Studentized = Interval{
			Lower: theta - bootQuantile(ts, 1-alpha)*se0,
			Upper: theta - bootQuantile(ts, alpha)*se0,
			Level: level,
		}
		res.HasStudentized = true
	}
	return nil
}

// bootMix is SplitMix64's output function, used to derive well-separated
// PCG seeds from the caller's seed and the chunk index.
func bootMix(z uint64) uint64 {
	z += 0x9e3779b97f4a7c15
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// bootResample fills dst with a resample (with replacement) of src, using
// Lemire's (2019) unbiased multiply-and-reject bounded integers on 32-bit
// halves of the PCG output, called directly (no interface call per draw):
// one 64-bit PCG step gives two indices.
func bootResample(p *rand.PCG, dst, src []float64) {
	if len(src) > math.MaxUint32 {
		for i := range dst {
			dst[i] = src[rand.New(p).IntN(len(src))]
		}
		return
	}
	n := uint64(len(src))
	thresh := uint32(-uint32(n) % uint32(n))
	var buf uint64
	have := false
	for i := range dst {
		for {
			var x uint32
			if have {
				x = uint32(buf >> 32)
				have = false
			} else {
				buf = p.Uint64()
				x = uint32(buf)
				have = true
			}
			m := uint64(x) * n
			if uint32(m) >= thresh {
				dst[i] = src[m>>32]
				break
			}
		}
	}
}

// bootQuantile returns the p quantile of the sorted bootstrap values as
// boot:::norm.inter does: the order statistic (B + 1)p when that is an
// integer, otherwise interpolation between the neighbouring order statistics
// on the normal-quantile scale; the extreme order statistics at the ends.
func bootQuantile(sorted []float64, p float64) float64 {
	R := len(sorted)
	rk := float64(R+1) * p
	k := int(math.Trunc(rk))
	switch {
	case k <= 0:
		return sorted[0]
	case k >= R:
		return sorted[R-1]
	case float64(k) == rk:
		return sorted[k-1]
	}
	q := distuv.UnitNormal.Quantile
	z := q(p)
	z1 := q(float64(k) / float64(R+1))
	z2 := q(float64(k+1) / float64(R+1))
	tk, tk1 := sorted[k-1], sorted[k]
	return tk + (z-z1)/(z2-z1)*(tk1-tk)
}

// bootAcceleration computes the BCa acceleration from the jackknife
// empirical influence values l_ki = (n_k − 1)(θ̂ − θ̂_(ki)), leaving out one
// participant of arm k at a time (as boot's empinf(type = "jack") does), in
// the stratified form a = Σ_k Σ_i l_ki³/n_k³ / (6 (Σ_k Σ_i l_ki²/n_k²)^{3/2})
// (Davison & Hinkley 1997, §3.2.1 and §5.3.2). boot.ci omits the n_k
// scaling; the two agree when the arms have equal sizes.
func bootAcceleration(treat, control []float64, theta float64, stat TwoSampleStatistic, workers int) (float64, error) {
	n1, n2 := len(treat), len(control)
	jack := make([]float64, n1+n2)
	var next atomic.Int64
	var bad atomic.Int64
	var wg sync.WaitGroup
	const chunk = 32
	total := n1 + n2
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			xs := make([]float64, n1-1)
			ys := make([]float64, n2-1)
			for {
				start := int(next.Add(chunk) - chunk)
				if start >= total {
					return
				}
				for j := start; j < min(start+chunk, total); j++ {
					var v float64
					if j < n1 {
						copy(xs, treat[:j])
						copy(xs[j:], treat[j+1:])
						v = stat(xs, control)
					} else {
						i := j - n1
						copy(ys, control[:i])
						copy(ys[i:], control[i+1:])
						v = stat(treat, ys)
					}
					if !designFinite(v) {
						bad.Add(1)
					}
					jack[j] = v
				}
			}
		}()
	}
	wg.Wait()
	if n := bad.Load(); n > 0 {
		return 0, fieldErr("stat", n, fmt.Sprintf("statistic not finite on %d jackknife samples", n))
	}
	var num, den float64
	for _, arm := range []struct {
		vals []float64
		n    int
	}{{jack[:n1], n1}, {jack[n1:], n2}} {
		nf := float64(arm.n)
		for _, v := range arm.vals {
			u := (nf - 1) * (theta - v)
			num += u * u * u / (nf * nf * nf)
			den += u * u / (nf * nf)
		}
	}
	if den == 0 {
		return 0, nil
	}
	return num / (6 * math.Pow(den, 1.5)), nil
}

// BootstrapInterval selects one of the intervals of a BootstrapResult.
type BootstrapInterval int

// Bootstrap intervals.
const (
	BCaInterval BootstrapInterval = iota
	PercentileInterval
	StudentizedInterval
)

// ToEstimate packages the result as an Estimate of measure m with the
// chosen interval (CIMethod Bootstrap) and the bootstrap variance SE², for
// reporting or pooling next to analytic estimates. It fails for
// StudentizedInterval when no Variance function was given.
func (r BootstrapResult) ToEstimate(m Measure, which BootstrapInterval) (Estimate, error) {
	e := Estimate{Measure: m, Value: r.Estimate, Variance: r.SE * r.SE, CIMethod: Bootstrap}
	switch which {
	case BCaInterval:
		e.CI = r.BCa
	case PercentileInterval:
		e.CI = r.Percentile
	case StudentizedInterval:
		if !r.HasStudentized {
			return Estimate{}, fieldErr("which", which, "no studentized interval: BootstrapOptions.Variance was nil")
		}
		e.CI = r.Studentized
	default:
		return Estimate{}, fieldErr("which", which, "unknown bootstrap interval")
	}
	return e, nil
}
