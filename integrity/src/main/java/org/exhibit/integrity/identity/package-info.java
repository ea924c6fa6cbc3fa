/** The investigator's identity (key and certificate under {@code $EXHIBIT_HOME}) and CMS signatures made with it. */
package org.exhibit.integrity.identity;
