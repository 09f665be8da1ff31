// The leaky rate RNN of method.md section 1: parameters, metadata and validation.
#pragma once

#include <Eigen/Dense>

#include <string>

namespace opdims {

enum class TaskKind { Ctxt, Swg, Unknown };

const char* taskName(TaskKind task);         // "ctxt", "swg", "unknown"
TaskKind parseTask(const std::string& name); // throws Error for anything else

struct Model {
    // Parameters (method.md names): W (N x N), W_in (N x V), W_out (M x N), b (N), b_z (M),
    // x0 (N x C, one initial state per context/condition column).
    Eigen::MatrixXd W;
    Eigen::MatrixXd W_in;
    Eigen::MatrixXd W_out;
    Eigen::VectorXd b;
    Eigen::VectorXd b_z;
    Eigen::MatrixXd x0;

    double dt = 0.001;
    double tau = 0.01;
    double noiseSigma = 0.1; // sigma of the network noise when it is switched on

    // Metadata.
    std::string name;
    TaskKind task = TaskKind::Unknown;
    std::string provenance;

    int units() const { return static_cast<int>(W.rows()); }
    int inputs() const { return static_cast<int>(W_in.cols()); }
    int outputs() const { return static_cast<int>(W_out.rows()); }
    int initialStates() const { return static_cast<int>(x0.cols()); }
    double alpha() const { return dt / tau; }

    // Throws Error("<source>: ...") naming the first inconsistent shape, non-finite value or
    // impossible constant. `source` is the file (or other origin) the model came from.
    void validate(const std::string& source) const;
};

// Guess the task from the sizes: V = 5, M = 1 -> ctxt; V = 1, M = 1 -> swg.
TaskKind guessTask(const Model& model);

// A seeded random network of the given task shape (W ~ N(0, g^2/N)); used when no file is given.
Model randomModel(TaskKind task, int units, unsigned long long seed, double g = 1.5);

double spectralRadius(const Eigen::MatrixXd& W);

} // namespace opdims
