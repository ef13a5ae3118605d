/**
 * Local files the appliance keeps secret (generated passwords, keystores, key material): written so that no
 * other user can read them at any moment, and replaced atomically.
 */
package io.cairn.kernel.files;
