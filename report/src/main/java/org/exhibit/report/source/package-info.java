/** Reading a case, from its workspace folder or straight from a sealed bundle ZIP, without extracting it. */
package org.exhibit.report.source;
