// SPDX-License-Identifier: MIT
#include "models/sim_time.h"
