#pragma once

#include "core/SearchIndex.h"

namespace Mailkeep::Core {

// The query language of the archive search:
//   words              all of them, in any text field         invoice 2026
//   "a phrase"         these words in this order              "quarterly report"
//   word*              words starting with it                 invoic*
//   AND, OR, NOT, -w   combine (AND is implied between terms)  budget OR forecast -draft
//   ( ... )            group                                  (budget OR plan) AND q3
//   field:value        from: to: cc: bcc: subject: body: attachment:
//   date:2026-03  date:2026-01-01..2026-06-30  date:>2026-01-01  (also archived:)
//   size:>1MB  size:10KB..2MB           has:attachment      messageid:<id@host>
//   folder:alice/Inbox  archive:alice   (within what the caller may read anyway)
//   exact:Müller       the word with its accents ("Muller" does not match); plain words as usual
// Words are folded like the index's (TextTokenizer). Mistakes give an InvalidArgument error
// that says what is wrong and where.
class SearchQueryParser
{
public:
    static Result<SearchNode> parse(const QString &query);
};

} // namespace Mailkeep::Core
