/** The evidence bundle: sealing a case workspace into a BagIt ZIP, reading ZIPs safely, and verifying bundles. */
package org.exhibit.integrity.bundle;
