package mmat

import (
	"errors"
	"fmt"
	"strings"
)

// Validate checks an appraisal against the MMAT 2018 rules:
//
//   - Study is not empty; Category is 1-5; a mixed-methods study has a
//     quantitative Component (2, 3 or 4) and no other study has one;
//   - every key of Ratings is S1, S2 or a criterion of the study's blocks
//     (ErrUnknownCriterion, ErrWrongCategory), and every answer is valid;
//   - S1 and S2 are answered (unless o.ScreeningOptional);
//   - if the study passes screening, every criterion of its blocks is
//     answered (ErrMissingAnswer); 5.5 is exempt when o.Derive55 is set.
//
// A study with S1 or S2 answered No or Can't tell is "not appraisable
// further" (ScreenedOut): its criteria become optional and any it does carry
// are reported as warnings, not errors, since reviews differ on whether to
// fill them in.
//
// err joins one *effect.FieldError per problem (errors.Is works on each sentinel);
// warnings are *effect.FieldError values as well. err is nil for a valid appraisal.
func (a *Appraisal) Validate(o *ValidateOptions) (warnings []error, err error) {
	opt := o.orDefault()
	var errs []error
	add := func(crit string, sentinel error, text, reason string) {
		errs = append(errs, fieldError(0, "", a.Study, a.Rater, crit, textValue(text), sentinel, reason))
	}
	if a.Study == "" {
		add("", ErrInvalidInput, "", "empty study identifier")
	}
	switch {
	case !a.Category.Valid():
		add("", ErrInvalidCategory, "", fmt.Sprintf("category %d is not 1-5", int(a.Category)))
	case a.Category == MixedMethods && !a.Component.Quantitative():
		add("", ErrInvalidCategory, "", fmt.Sprintf("mixed-methods study needs a quantitative component 2, 3 or 4, got %d", int(a.Component)))
	case a.Category != MixedMethods && a.Component != 0:
		add("", ErrInvalidCategory, "", "a quantitative component is only for mixed-methods studies")
	}
	applies := map[Category]bool{}
	for _, c := range a.Blocks() {
		applies[c] = true
	}
	screened := a.ScreenedOut()
	for _, id := range a.ratedIDs() {
		r := a.Ratings[id]
		cr, ok := Lookup(id)
		if !ok {
			add(id, ErrUnknownCriterion, id, "")
			continue
		}
		if r.Answer != NotRated && !r.Answer.Valid() {
			add(id, ErrInvalidAnswer, r.Answer.String(), "")
		}
		if !cr.Screening() && !applies[cr.Category] && a.Category.Valid() {
			add(id, ErrWrongCategory, "", fmt.Sprintf("criterion of category %d in a study of category %d", int(cr.Category), int(a.Category)))
			continue
		}
		if screened && !cr.Screening() && r.Answer != NotRated {
			warnings = append(warnings, fieldError(0, "", a.Study, a.Rater, id, nil, ErrNotAppraisable,
				"answered although the study failed screening (further appraisal not required)"))
		}
	}
	for _, id := range [...]string{"S1", "S2"} {
		if a.Answer(id) == NotRated && !opt.ScreeningOptional {
			add(id, ErrMissingAnswer, "", "")
		}
	}
	if !screened && a.Category.Valid() {
		for _, cr := range a.Criteria() {
			if cr.Screening() || a.Answer(cr.ID) != NotRated {
				continue
			}
			if cr.ID == "5.5" && opt.Derive55 {
				continue
			}
			add(cr.ID, ErrMissingAnswer, "", "")
		}
	}
	if opt.Derive55 && a.Category == MixedMethods {
		if h := a.Answer("5.5"); h != NotRated {
			if d := a.derive55(); d != h {
				warnings = append(warnings, fieldError(0, "", a.Study, a.Rater, "5.5", h.String(), ErrDerived55,
					fmt.Sprintf("hand rating %s, derived %s because %s; the derived %s is used", h, d, a.derive55Because(d), d)))
			}
		}
	}
	return warnings, errors.Join(errs...)
}

// derive55 returns the component-based answer for 5.5: Yes if every
// criterion of the qualitative and quantitative blocks is Yes, No if any
// is No, otherwise Can't tell.
func (a *Appraisal) derive55() Answer {
	anyNo := false
	allYes := true
	for _, c := range a.Blocks() {
		if c == MixedMethods {
			continue
		}
		for _, cr := range CategoryCriteria(c) {
			switch a.Answer(cr.ID) {
			case No:
				anyNo = true
			case Yes:
			default:
				allYes = false
			}
		}
	}
	switch {
	case anyNo:
		return No
	case allYes:
		return Yes
	}
	return CantTell
}

// derive55Because says which component answers give the derived rating d:
// the criteria answered No for No, those not answered Yes for Can't tell.
func (a *Appraisal) derive55Because(d Answer) string {
	var ids []string
	for _, c := range a.Blocks() {
		if c == MixedMethods {
			continue
		}
		for _, cr := range CategoryCriteria(c) {
			x := a.Answer(cr.ID)
			if (d == No && x == No) || (d == CantTell && x != Yes) {
				ids = append(ids, cr.ID+" "+answerText(x))
			}
		}
	}
	if d == Yes {
		return "every component criterion is Yes"
	}
	return strings.Join(ids, ", ")
}

// answerText is String with "not rated" for NotRated.
func answerText(x Answer) string {
	if x == NotRated {
		return "not rated"
	}
	return x.String()
}

// effective returns the answer used by summaries for criterion id, with
// 5.5 derived when o.Derive55 is set.
func (a *Appraisal) effective(id string, o *ValidateOptions) Answer {
	if id == "5.5" && o.Derive55 && a.Category == MixedMethods {
		return a.derive55()
	}
	return a.Answer(id)
}
