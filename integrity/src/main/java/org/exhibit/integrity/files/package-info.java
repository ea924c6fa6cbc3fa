/** Files and folders on disk as every module handles them: a folder tree deleted without following links out of it. */
package org.exhibit.integrity.files;
