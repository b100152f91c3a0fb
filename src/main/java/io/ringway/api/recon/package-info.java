/** The gateway's own recon ({@code /recon/<check>}), as Swift's recon middleware answers on storage nodes. */
@NullMarked
package io.ringway.api.recon;

import org.jspecify.annotations.NullMarked;
