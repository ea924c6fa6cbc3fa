/** Values shared by capture and item records: the artifacts they list. */
package org.exhibit.format.record;
