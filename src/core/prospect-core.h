/* prospect-core.h - every public header of the core model layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "prospect-clock.h"
#include "prospect-error.h"
#include "prospect-database.h"
#include "prospect-validate.h"
#include "prospect-record.h"
#include "prospect-query.h"
#include "prospect-query-model.h"

#include "prospect-person.h"
#include "prospect-account.h"
#include "prospect-contact.h"
#include "prospect-product.h"
#include "prospect-stage.h"
#include "prospect-deal.h"
#include "prospect-deal-stage-change.h"
#include "prospect-field-change.h"
#include "prospect-activity.h"
#include "prospect-todo-item.h"
#include "prospect-target.h"
#include "prospect-coaching-plan.h"
#include "prospect-coaching-note.h"
#include "prospect-coaching-assessment.h"

#include "prospect-demo.h"
#include "prospect-period.h"
#include "prospect-analytics.h"
#include "prospect-day-plan.h"
#include "prospect-quick-entry.h"
#include "prospect-accounts.h"
#include "prospect-reminder-scheduler.h"
