/** The single JSON configuration used for every record Exhibit writes. */
package org.exhibit.format.json;
