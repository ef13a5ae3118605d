package io.cairn.http;

import java.util.List;

/** A resource of the API: a group of endpoints one module serves. */
@FunctionalInterface
public interface ApiService {
    /** The endpoints of this resource. */
    List<Endpoint> endpoints();
}
