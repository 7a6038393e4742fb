// zlib, for keeping vendors' raw items compressed in memory (RawJSON).
#include <zlib.h>
