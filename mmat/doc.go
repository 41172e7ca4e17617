// Package mmat records, validates, summarises and cross-checks study
// appraisals made with the Mixed Methods Appraisal Tool (MMAT), version
// 2018 (Hong et al. 2018).
package mmat
