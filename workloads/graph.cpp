// SPDX-License-Identifier: MIT
// Graph checking, shape inference and execution. Values are numbered once at load; a run keeps
// one tensor per value and frees each as soon as its last reader has run.
#include "workloads/graph.h"

#include <algorithm>
#include <set>

#include "common/checked_math.h"
#include "common/user_error.h"
#include "workloads/ops/reshape.h"

namespace blsim {
namespace {

std::string supported_list() {
  std::string list;
  for (const auto& op : supported_ops()) list += (list.empty() ? "" : " ") + op;
  return list;
}

ValueMeta meta_of(const Tensor& t) {
  ValueMeta m;
  m.present = true;
  m.type = t.type();
  m.shape = t.shape();
  m.constant = &t;
  return m;
}

}  // namespace

int Graph::value_id(const std::string& name) const {
  const auto it = ids_.find(name);
  return it == ids_.end() ? -1 : it->second;
}

void Graph::finish() {
  auto add_value = [this](const std::string& name, const Tensor* constant) {
    ids_[name] = static_cast<int>(constants_.size());
    constants_.push_back(constant);
  };
  for (const auto& [name, tensor] : initializers_) add_value(name, &tensor);
  for (const GraphValue& in : inputs_) {
    if (ids_.count(in.name) != 0)
      throw UserError(origin_ + ": input " + in.name + " is declared twice");
    add_value(in.name, nullptr);
    input_ids_.push_back(value_id(in.name));
  }
  std::set<std::string> node_names;
  for (size_t i = 0; i < nodes_.size(); ++i) {
    Node& node = nodes_[i];
    if (node.name.empty() || node_names.count(node.name) != 0) {
      // Layer rows are keyed by name, so every node gets a distinct one.
      node.name = (node.name.empty() ? node.op_type : node.name) + "_" + std::to_string(i);
    }
    node_names.insert(node.name);
    Step step;
    step.op = find_op(node.op_type);
    if (step.op == nullptr) {
      node.fail("operator " + node.op_type + " is not supported (supported: " + supported_list() +
                ")");
    }
    step.relabel = step.op->run == run_relabel;
    for (const std::string& name : node.inputs) {
      if (name.empty()) {
        step.inputs.push_back(-1);
        continue;
      }
      const int id = value_id(name);
      if (id < 0) {
        node.fail("input " + name +
                  " is neither a graph input, an initializer nor an output of "
                  "an earlier node");
      }
      step.inputs.push_back(id);
    }
    for (const std::string& name : node.outputs) {
      if (name.empty()) {
        step.outputs.push_back(-1);
        continue;
      }
      if (ids_.count(name) != 0) node.fail("output " + name + " is already defined");
      if (node.op_type == "Constant") {
        // Folded now, so shape inference sees the value and a run skips the node.
        initializers_[name] = constant_value(node);
        add_value(name, &initializers_[name]);
      } else {
        add_value(name, nullptr);
      }
      step.outputs.push_back(value_id(name));
    }
    steps_.push_back(std::move(step));
  }
  for (const GraphValue& out : outputs_) {
    const int id = value_id(out.name);
    if (id < 0) throw UserError(origin_ + ": output " + out.name + " is not produced by any node");
    output_ids_.push_back(id);
  }
  // The last step that reads each value; graph outputs are never released.
  std::vector<int> last_reader(constants_.size(), -1);
  for (size_t i = 0; i < steps_.size(); ++i) {
    for (int id : steps_[i].inputs) {
      if (id >= 0) last_reader[id] = static_cast<int>(i);
    }
  }
  for (int id : output_ids_) last_reader[id] = -1;
  for (size_t id = 0; id < last_reader.size(); ++id) {
    if (last_reader[id] >= 0 && constants_[id] == nullptr) {
      steps_[last_reader[id]].release.push_back(static_cast<int>(id));
    }
  }
  std::vector<Shape> declared;
  for (const GraphValue& in : inputs_) {
    Shape s = in.shape;
    for (int64_t& d : s) d = d < 0 ? 1 : d;
    declared.push_back(s);
  }
  std::vector<bool> known;
  infer(declared, &known);
}

std::vector<ValueMeta> Graph::infer(const std::vector<Shape>& input_shapes,
                                    std::vector<bool>* known) const {
  std::vector<ValueMeta> metas(constants_.size());
  known->assign(constants_.size(), true);
  for (size_t id = 0; id < constants_.size(); ++id) {
    if (constants_[id] != nullptr) metas[id] = meta_of(*constants_[id]);
  }
  for (size_t i = 0; i < inputs_.size(); ++i) {
    ValueMeta& m = metas[input_ids_[i]];
    m.present = true;
    m.type = inputs_[i].type;
    m.shape = input_shapes[i];
  }
  for (size_t i = 0; i < steps_.size(); ++i) {
    const Step& step = steps_[i];
    if (nodes_[i].op_type == "Constant") continue;
    Metas in;
    bool all_known = true;
    for (int id : step.inputs) {
      in.push_back(id >= 0 ? metas[id] : ValueMeta{});
      all_known = all_known && (id < 0 || (*known)[id]);
    }
    Metas out;
    if (all_known) {
      try {
        out = step.op->infer(nodes_[i], in);
      } catch (const ValueUnknown&) {
        all_known = false;
      } catch (const CountOverflow& e) {
        nodes_[i].fail(e.what());
      }
    }
    for (size_t k = 0; k < step.outputs.size(); ++k) {
      const int id = step.outputs[k];
      if (id < 0) continue;
      if (all_known && k >= out.size()) {
        nodes_[i].fail("output " + std::to_string(k) + " (" + nodes_[i].outputs[k] +
                       ") is not supported");
      }
      (*known)[id] = all_known;
      if (all_known) metas[id] = out[k];
    }
  }
  return metas;
}

std::vector<Tensor> Graph::run(const std::vector<Tensor>& inputs) const {
  if (inputs.size() != inputs_.size()) {
    throw UserError(origin_ + ": the network takes " + std::to_string(inputs_.size()) +
                    " inputs, got " + std::to_string(inputs.size()));
  }
  std::vector<Tensor> values(constants_.size());
  std::vector<const Tensor*> ptr(constants_);
  for (size_t i = 0; i < inputs.size(); ++i) {
    const GraphValue& decl = inputs_[i];
    const Shape& got = inputs[i].shape();
    bool fits = inputs[i].type() == decl.type && got.size() == decl.shape.size();
    for (size_t d = 1; fits && d < got.size(); ++d)
      fits = decl.shape[d] < 0 || decl.shape[d] == got[d];
    if (!fits) {
      throw UserError(origin_ + ": input " + decl.name + " must be " + data_type_name(decl.type) +
                      " " + shape_text(decl.shape) + " (any batch size), got " +
                      data_type_name(inputs[i].type()) + " " + shape_text(got));
    }
    ptr[input_ids_[i]] = &inputs[i];
  }
  for (size_t i = 0; i < steps_.size(); ++i) {
    const Step& step = steps_[i];
    const Node& node = nodes_[i];
    if (node.op_type == "Constant") continue;
    Inputs in;
    Metas in_metas;
    for (int id : step.inputs) {
      in.push_back(id >= 0 ? ptr[id] : nullptr);
      in_metas.push_back(id >= 0 ? meta_of(*ptr[id]) : ValueMeta{});
    }
    const int first = step.inputs.empty() ? -1 : step.inputs[0];
    std::vector<Tensor> out;
    try {
      // The batch size of this run multiplies the declared shapes afresh.
      const Metas out_metas = step.op->infer(node, in_metas);
      if (step.relabel && first >= 0 && ptr[first] == &values[first] &&
          std::find(step.release.begin(), step.release.end(), first) != step.release.end()) {
        // Last reader of a tensor this run produced: hand the buffer over instead of copying.
        out.push_back(std::move(values[first]));
        out[0].reshape(out_metas[0].shape);
      } else {
        out = step.op->run(node, in, out_metas);
      }
    } catch (const CountOverflow& e) {
      node.fail(e.what());
    }
    for (size_t k = 0; k < step.outputs.size() && k < out.size(); ++k) {
      const int id = step.outputs[k];
      if (id < 0) continue;
      values[id] = std::move(out[k]);
      ptr[id] = &values[id];
    }
    for (int id : step.release) {
      values[id] = Tensor();
      ptr[id] = nullptr;
    }
  }
  std::vector<Tensor> result;
  for (int id : output_ids_) {
    // A value produced here moves out; an input or initializer listed as output is copied.
    result.push_back(ptr[id] == &values[id] ? std::move(values[id]) : *ptr[id]);
  }
  return result;
}

Tensor Graph::run(const Tensor& input) const {
  if (inputs_.size() != 1 || outputs_.size() != 1) {
    throw UserError(origin_ + ": expected a network with one input and one output, it has " +
                    std::to_string(inputs_.size()) + " and " + std::to_string(outputs_.size()));
  }
  std::vector<Tensor> out = run(std::vector<Tensor>{input});
  return std::move(out[0]);
}

}  // namespace blsim
