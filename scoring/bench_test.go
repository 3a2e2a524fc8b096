package scoring

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

var sizes = []int{26, 1000, 10_000}

func BenchmarkScore(b *testing.B) {
	for _, size := range sizes {
		bank := generate(1, size, 2)
		answers := randomAnswers(rand.New(rand.NewPCG(1, 1)), bank, 10)
		b.Run(fmt.Sprint(size), func(b *testing.B) {
			for b.Loop() {
				Score(bank, answers)
			}
		})
	}
}

func BenchmarkAnalyze(b *testing.B) {
	for _, paths := range []int{2, 3} {
		for _, size := range sizes {
			bank := generate(1, size, paths)
			b.Run(fmt.Sprintf("%dpaths/%d", paths, size), func(b *testing.B) {
				var method string
				for b.Loop() {
					method = Analyze(bank).Random.Method
				}
				b.ReportMetric(map[string]float64{"exact": 1, "sampled": 0}[method], "exact")
			})
		}
	}
}
