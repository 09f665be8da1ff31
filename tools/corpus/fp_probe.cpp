// fp_probe FILE: loads a fixed-point file with core's loadFixedPoints (no CLI command reads
// fixed-point files) and prints a digest of every field. Errors are reported like the CLI does:
// one line on stderr, exit status 1. Built by tools/corpus/run_corpus.py against the build's
// libopdims_core.a; not part of the project build.
#include "core/base/error.h"
#include "core/fixed_points/io.h"

#include <cstdio>
#include <exception>
#include <new>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: fp_probe FILE.h5\n");
        return 2;
    }
    try {
        const std::vector<opdims::FixedPoint> points = opdims::loadFixedPoints(argv[1]);
        double digest = 0.0;
        for (const opdims::FixedPoint& p : points) {
            digest += p.x.sum() + p.q + p.speed + p.starts + p.start + p.iterations +
                      p.linear.unstableModes + static_cast<int>(p.linear.stability) +
                      static_cast<int>(p.kind);
            for (Eigen::Index i = 0; i < p.linear.eigenvalues.size(); ++i)
                digest += p.linear.eigenvalues(i).real() + p.linear.eigenvalues(i).imag();
            digest += p.linear.slowDirection.sum() + p.linear.unstableDirection.sum() +
                      p.linear.slowEigenvalue.real() + p.linear.unstableEigenvalue.real();
        }
        std::printf("%zu points, digest %.17g\n", points.size(), digest);
        return 0;
    } catch (const opdims::Error& e) {
        std::fprintf(stderr, "fp_probe: %s\n", e.what());
    } catch (const std::bad_alloc&) {
        std::fprintf(stderr, "fp_probe: out of memory\n");
    } catch (const std::exception& e) {
        std::fprintf(stderr, "fp_probe: %s\n", e.what());
    }
    return 1;
}
