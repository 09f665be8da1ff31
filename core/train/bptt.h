// The cost of a batch and its gradient with respect to every parameter, by backpropagation through
// time through the network of docs/method.md section 1.
#pragma once

#include "core/base/progress.h"
#include "core/model/model.h"
#include "core/tasks/task.h"

#include <Eigen/Dense>

#include <array>
#include <memory>
#include <vector>

namespace opdims {

// The trainable parameters, in a fixed order (also the order of gradient sums and of files).
enum class Param { W, W_in, W_out, b, b_z, x0 };
constexpr int kParamCount = 6;
constexpr std::array<Param, kParamCount> kAllParams = {Param::W, Param::W_in, Param::W_out,
                                                       Param::b, Param::b_z,  Param::x0};
const char* paramName(Param p);            // "W", "W_in", "W_out", "b", "b_z", "x0"
Param parseParam(const std::string& name); // throws Error for anything else

// The parameter p of a model as a matrix view (vectors are one column).
Eigen::Map<Eigen::MatrixXd> paramView(Model& model, Param p);
Eigen::Map<const Eigen::MatrixXd> paramView(const Model& model, Param p);

// One array per parameter, shaped like the model's.
struct Gradients {
    std::array<Eigen::MatrixXd, kParamCount> g;

    Eigen::MatrixXd& operator[](Param p) { return g[static_cast<std::size_t>(p)]; }
    const Eigen::MatrixXd& operator[](Param p) const { return g[static_cast<std::size_t>(p)]; }
    void setZeroLike(const Model& model);
};

struct BpttOptions {
    // The batch is cut into this many contiguous parts whatever the thread count, and the parts'
    // gradients are summed in part order: the result is the same bits with 1 or 2 threads.
    int parts = 2;
    int threads = 0; // 0: all cores
};

// Holds the stored rates and adjoints between calls so the time loop never allocates.
class Bptt {
public:
    Bptt();
    ~Bptt();
    Bptt(const Bptt&) = delete;
    Bptt& operator=(const Bptt&) = delete;

    // Returns the cost of the batch (docs/method.md section 1: mean of (z_t - y_t)^2 over outputs,
    // steps and trials) and sets `grad` to its gradient. Network noise is applied with the streams
    // of core/simulation/simulate.cpp when batch.networkNoise is set, so the cost equals
    // evaluateCost's.
    double lossAndGradient(const Model& model, const Batch& batch, Gradients& grad,
                           const BpttOptions& options = {}, const Progress& progress = {});

private:
    struct Part;
    std::vector<std::unique_ptr<Part>> parts_;
};

} // namespace opdims
