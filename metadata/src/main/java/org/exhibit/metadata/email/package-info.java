/** Email evidence: .eml and .mbox headers, the Received chain and originating IP, attachments as files. */
package org.exhibit.metadata.email;
