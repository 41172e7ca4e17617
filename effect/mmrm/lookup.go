package mmrm

// LSMean returns the LS mean of arm at visit, and false if there is none.
func (r *Result) LSMean(arm, visit string) (LSMean, bool) {
	for _, l := range r.LSMeans {
		if l.Arm == arm && l.Visit == visit {
			return l, true
		}
	}
	return LSMean{}, false
}

// Difference returns the difference of arm from the control at visit, and
// false if there is none.
func (r *Result) Difference(arm, visit string) (Difference, bool) {
	for _, d := range r.Differences {
		if d.Arm == arm && d.Visit == visit {
			return d, true
		}
	}
	return Difference{}, false
}
