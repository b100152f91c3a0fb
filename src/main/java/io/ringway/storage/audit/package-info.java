/**
 * The storage node's auditors (Swift's object, container and account auditors): passes that re-
 * read objects and databases, quarantine what is damaged and record their stats for recon.
 */
@NullMarked
package io.ringway.storage.audit;

import org.jspecify.annotations.NullMarked;
