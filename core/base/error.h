// Error type of the compute core: one sentence a user understands, naming the file and the problem.
#pragma once

#include <stdexcept>
#include <string>

namespace opdims {

class Error : public std::runtime_error {
public:
    explicit Error(const std::string& message) : std::runtime_error(message) {}
};

// Thrown by long computations when their cancel flag is set.
class Cancelled : public std::runtime_error {
public:
    Cancelled() : std::runtime_error("cancelled") {}
};

} // namespace opdims
