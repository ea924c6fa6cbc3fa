/** Logged-in browser profiles: a visible Chromium on a profile directory, for an investigator to log in by hand. */
package org.exhibit.capture.profile;
